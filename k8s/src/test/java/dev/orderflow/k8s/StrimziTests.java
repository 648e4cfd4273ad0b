package dev.orderflow.k8s;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Strimzi resources use the v1 API as Strimzi's own model defines it: no property
 * that v1 dropped (Strimzi marks those deprecated) (ZooKeeper-era fields such as
 * spec.kafka.replicas), KRaft node pools that provide both controllers and brokers, and
 * topics on a cluster that exists.
 */
class StrimziTests {

	static final List<String> OVERLAYS = Repository.OVERLAYS;

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void usesNoPropertyTheV1ApiDropsOrDeprecates(String overlay) {
		List<String> problems = new ArrayList<>();
		Manifests manifests = Manifests.ofOverlay(overlay);
		for (int i = 0; i < manifests.all().size(); i++) {
			// the rendered apiVersion: Strimzi's model reports its storage version
			// whatever it read
			String apiVersion = String.valueOf(manifests.documents().get(i).get("apiVersion"));
			HasMetadata resource = manifests.all().get(i);
			if (apiVersion.startsWith("kafka.strimzi.io/")) {
				assertThat(apiVersion).as(resource.getKind()).isEqualTo("kafka.strimzi.io/v1");
				walk(resource, resource.getKind() + "/" + resource.getMetadata().getName(), problems,
						java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
			}
		}
		assertThat(problems).isEmpty();
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void kraftNodePoolsProvideControllersAndBrokersToTheCluster(String overlay) {
		Manifests manifests = Manifests.ofOverlay(overlay);
		Kafka kafka = manifests.get(Kafka.class, "orderflow");
		assertThat(kafka.getSpec().getKafka().getListeners()).anySatisfy((listener) -> {
			assertThat(listener.getPort()).isEqualTo(9092);
			assertThat(listener.isTls()).isFalse();
		});
		List<KafkaNodePool> pools = manifests.all(KafkaNodePool.class);
		assertThat(pools).allSatisfy(
				(pool) -> assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "orderflow"));
		assertThat(pools).flatExtracting((pool) -> pool.getSpec().getRoles())
			.contains(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
		assertThat(manifests.all(KafkaTopic.class)).allSatisfy((topic) -> assertThat(topic.getMetadata().getLabels())
			.containsEntry("strimzi.io/cluster", "orderflow"));
	}

	/** Reports every non-empty Strimzi property that is deprecated or absent from v1. */
	private static void walk(Object node, String path, List<String> problems, Set<Object> seen) {
		if (node == null || !seen.add(node)) {
			return;
		}
		if (node instanceof Collection<?> items) {
			int i = 0;
			for (Object item : items) {
				walk(item, path + "[" + i++ + "]", problems, seen);
			}
			return;
		}
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> walk(value, path + "." + key, problems, seen));
			return;
		}
		if (!node.getClass().getName().startsWith("io.strimzi.")) {
			return;
		}
		for (Method getter : node.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| !getter.getName().matches("(get|is)[A-Z].*") || getter.getName().equals("getClass")) {
				continue;
			}
			Object value;
			try {
				value = getter.invoke(node);
			}
			catch (IllegalAccessException | InvocationTargetException ex) {
				continue;
			}
			if (value == null || (value instanceof Collection<?> c && c.isEmpty())
					|| (value instanceof Map<?, ?> m && m.isEmpty())) {
				continue;
			}
			String property = path + "." + getter.getName();
			// Strimzi marks every property v1 dropped (ZooKeeper-era and pre-node-pool
			// fields) @Deprecated;
			// its own PresentInVersions annotation is not published on Maven Central.
			if (getter.isAnnotationPresent(Deprecated.class)) {
				problems.add(property + " is deprecated (absent from the v1 API)");
			}
			walk(value, property, problems, seen);
		}
	}

}
