package dev.orderflow.k8s;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.user.KafkaUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every overlay renders with kustomize, and the result is a complete, consistent set:
 * each object fits its typed model with no unknown field, lives in the orderflow
 * namespace, and every name it refers to (ConfigMaps, Secrets, ServiceAccounts, a
 * Service's pods, an autoscaler's target) is rendered too.
 */
class RenderingTests {

	static final List<String> OVERLAYS = Repository.OVERLAYS;

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void rendersAndEveryObjectFitsItsTypedModel(String overlay) {
		Manifests manifests = Manifests.ofOverlay(overlay);
		assertThat(manifests.documents()).isNotEmpty();
		// Manifests.typed already failed on an unknown kind or field; the counts say it
		// parsed all
		assertThat(manifests.all()).hasSameSizeAs(manifests.documents());
		assertThat(manifests.all(Namespace.class)).extracting((n) -> n.getMetadata().getName())
			.containsExactly("orderflow");
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyObjectLivesInTheOrderflowNamespaceUnderAUniqueName(String overlay) {
		Set<String> seen = new HashSet<>();
		for (HasMetadata object : Manifests.ofOverlay(overlay).all()) {
			String id = object.getKind() + "/" + object.getMetadata().getName();
			assertThat(seen.add(id)).as("%s rendered twice", id).isTrue();
			if (!(object instanceof Namespace)) {
				assertThat(object.getMetadata().getNamespace()).as(id).isEqualTo("orderflow");
			}
		}
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyReferenceResolvesToARenderedObject(String overlay) {
		Manifests manifests = Manifests.ofOverlay(overlay);
		List<String> dangling = new ArrayList<>();
		for (Manifests.Workload workload : manifests.workloads()) {
			var pod = workload.template().getSpec();
			String account = pod.getServiceAccountName();
			if (account != null && manifests.find(ServiceAccount.class, account).isEmpty()) {
				dangling.add(workload + " → ServiceAccount " + account);
			}
			for (Container container : containers(pod)) {
				for (EnvFromSource source : container.getEnvFrom()) {
					if (source.getConfigMapRef() != null
							&& manifests.find(ConfigMap.class, source.getConfigMapRef().getName()).isEmpty()) {
						dangling.add(workload + " → ConfigMap " + source.getConfigMapRef().getName());
					}
					if (source.getSecretRef() != null && !Boolean.TRUE.equals(source.getSecretRef().getOptional())
							&& manifests.find(Secret.class, source.getSecretRef().getName()).isEmpty()) {
						dangling.add(workload + " → Secret " + source.getSecretRef().getName());
					}
				}
				container.getEnv()
					.stream()
					.filter((e) -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
					.map((e) -> e.getValueFrom().getSecretKeyRef().getName())
					// Strimzi's User Operator makes a KafkaUser's Secret, under the
					// user's name
					.filter((name) -> manifests.find(Secret.class, name).isEmpty()
							&& manifests.find(KafkaUser.class, name).isEmpty())
					.forEach((name) -> dangling.add(workload + " → Secret " + name));
			}
			for (Volume volume : pod.getVolumes()) {
				if (volume.getConfigMap() != null
						&& manifests.find(ConfigMap.class, volume.getConfigMap().getName()).isEmpty()) {
					dangling.add(workload + " → volume ConfigMap " + volume.getConfigMap().getName());
				}
			}
		}
		for (Service service : manifests.all(Service.class)) {
			Map<String, String> selector = service.getSpec().getSelector();
			boolean selects = manifests.workloads()
				.stream()
				.anyMatch((w) -> w.podLabels().entrySet().containsAll(selector.entrySet()));
			if (!selects) {
				dangling.add("Service/" + service.getMetadata().getName() + " selects no pod");
			}
		}
		for (HorizontalPodAutoscaler hpa : manifests.all(HorizontalPodAutoscaler.class)) {
			if (manifests.find(Deployment.class, hpa.getSpec().getScaleTargetRef().getName()).isEmpty()) {
				dangling.add("HorizontalPodAutoscaler/" + hpa.getMetadata().getName() + " scales nothing");
			}
		}
		for (PodDisruptionBudget pdb : manifests.all(PodDisruptionBudget.class)) {
			Map<String, String> selector = pdb.getSpec().getSelector().getMatchLabels();
			if (manifests.workloads()
				.stream()
				.noneMatch((w) -> w.podLabels().entrySet().containsAll(selector.entrySet()))) {
				dangling.add("PodDisruptionBudget/" + pdb.getMetadata().getName() + " covers no pod");
			}
		}
		assertThat(dangling).as("references to objects %s does not render", overlay).isEmpty();
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyServiceHasItsDeploymentAccountBudgetAndAutoscaler(String overlay) {
		Manifests manifests = Manifests.ofOverlay(overlay);
		List<String> services = "production".equals(overlay)
				? List.of("order-service", "inventory-service", "notification-service") : Repository.SERVICES;
		for (String service : services) {
			manifests.get(Deployment.class, service);
			manifests.get(Service.class, service);
			assertThat(manifests.get(ServiceAccount.class, service).getAutomountServiceAccountToken())
				.as("%s's token", service)
				.isFalse();
			manifests.get(PodDisruptionBudget.class, service);
			if (Repository.AUTH_SERVER.equals(service)) {
				// one replica: it signs with a key made at start (ADR 0016), so it must
				// not scale out
				assertThat(manifests.find(HorizontalPodAutoscaler.class, service)).as("autoscaler of %s", service)
					.isEmpty();
				continue;
			}
			HorizontalPodAutoscaler hpa = manifests.get(HorizontalPodAutoscaler.class, service);
			assertThat(hpa.getApiVersion()).isEqualTo("autoscaling/v2");
			assertThat(hpa.getSpec().getMinReplicas()).isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
		}
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void secretsInGitCarryNoValuesExceptLocalThrowAwayOnes(String overlay) {
		for (Secret secret : Manifests.ofOverlay(overlay).all(Secret.class)) {
			assertThat(secret.getData()).as("data of Secret %s", secret.getMetadata().getName()).isNullOrEmpty();
			if ("production".equals(overlay)) {
				assertThat(secret.getStringData()).as("values of Secret %s", secret.getMetadata().getName())
					.isNullOrEmpty();
			}
		}
	}

	@Test
	void strictParsingRejectsAFieldTheModelDoesNotKnow() {
		String deployment = """
				apiVersion: apps/v1
				kind: Deployment
				metadata:
				  name: typo
				spec:
				  replicaz: 2
				""";
		assertThatThrownBy(() -> Manifests.parse(deployment)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("replicaz");
		String kafka = """
				apiVersion: kafka.strimzi.io/v1
				kind: KafkaTopic
				metadata:
				  name: typo
				spec:
				  partitions: 6
				  replica: 3
				""";
		assertThatThrownBy(() -> Manifests.parse(kafka)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("replica");
		String monitor = """
				apiVersion: monitoring.coreos.com/v1
				kind: ServiceMonitor
				metadata:
				  name: typo
				spec:
				  endpoints:
				    - port: http
				      pth: /actuator/prometheus
				""";
		assertThatThrownBy(() -> Manifests.parse(monitor)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("pth");
	}

	@Test
	void anUnknownKindIsRefused() {
		assertThatThrownBy(() -> Manifests.parse("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("No typed model for example.com/v1/Widget");
	}

	static List<Container> containers(io.fabric8.kubernetes.api.model.PodSpec pod) {
		List<Container> all = new ArrayList<>(pod.getInitContainers());
		all.addAll(pod.getContainers());
		return all;
	}

}
