package dev.orderflow.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * The objects one kustomization renders, each parsed into its typed model (fabric8 for
 * core kinds and the Prometheus Operator's, Strimzi's api module for Kafka's) by a strict
 * mapper: a field the model does not know fails the parse instead of landing in
 * {@code additionalProperties}, which is where a typo would otherwise hide until the API
 * server refuses it.
 */
final class Manifests {

	/**
	 * Every apiVersion/kind k8s/ may render, with its typed model. Anything else fails.
	 */
	static final Map<String, Class<? extends HasMetadata>> MODELS = Map.ofEntries(
			Map.entry("v1/Namespace", Namespace.class), Map.entry("v1/ConfigMap", ConfigMap.class),
			Map.entry("v1/Secret", Secret.class), Map.entry("v1/Service", Service.class),
			Map.entry("v1/ServiceAccount", ServiceAccount.class), Map.entry("apps/v1/Deployment", Deployment.class),
			Map.entry("apps/v1/StatefulSet", StatefulSet.class),
			Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
			Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
			Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
			Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
			Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
			Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
			Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class),
			Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
			Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));

	private static final YAMLMapper YAML = new YAMLMapper();

	private static final ObjectMapper STRICT = strictMapper();

	private final List<Map<String, Object>> documents;

	private final List<HasMetadata> objects;

	private Manifests(List<Map<String, Object>> documents) {
		this.documents = documents;
		this.objects = documents.stream().map(Manifests::typed).toList();
	}

	private static final Map<String, Manifests> OVERLAYS = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * The objects an overlay renders, rendered and parsed once per JVM (they are never
	 * modified).
	 */
	static Manifests ofOverlay(String overlay) {
		return OVERLAYS.computeIfAbsent(overlay, (name) -> parse(Kustomize.render(Repository.overlay(name))));
	}

	static Manifests parse(String yaml) {
		try (MappingIterator<Map<String, Object>> docs = YAML.readerForMapOf(Object.class).readValues(yaml)) {
			List<Map<String, Object>> documents = new ArrayList<>();
			while (docs.hasNext()) {
				Map<String, Object> document = docs.next();
				if (document != null && !document.isEmpty()) {
					documents.add(document);
				}
			}
			return new Manifests(documents);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Parses one rendered object into its model; unknown kinds and unknown fields fail.
	 */
	static HasMetadata typed(Map<String, Object> document) {
		String type = document.get("apiVersion") + "/" + document.get("kind");
		Class<? extends HasMetadata> model = MODELS.get(type);
		if (model == null) {
			throw new AssertionError(
					"No typed model for " + type + " (" + name(document) + "): add it to Manifests.MODELS");
		}
		try {
			return STRICT.convertValue(document, model);
		}
		catch (IllegalArgumentException ex) {
			throw new AssertionError(
					type + " " + name(document) + " does not fit " + model.getName() + ": " + ex.getMessage(), ex);
		}
	}

	List<Map<String, Object>> documents() {
		return this.documents;
	}

	List<HasMetadata> all() {
		return this.objects;
	}

	<T extends HasMetadata> List<T> all(Class<T> kind) {
		return this.objects.stream().filter(kind::isInstance).map(kind::cast).toList();
	}

	<T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
		return all(kind).stream().filter((o) -> name.equals(o.getMetadata().getName())).findFirst();
	}

	<T extends HasMetadata> T get(Class<T> kind, String name) {
		return find(kind, name)
			.orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " named " + name + " rendered"));
	}

	/** Every pod template: Deployments' and StatefulSets', named after their owner. */
	List<Workload> workloads() {
		return Stream
			.concat(all(Deployment.class).stream()
				.map((d) -> new Workload("Deployment", d.getMetadata().getName(), d.getSpec().getTemplate())),
					all(StatefulSet.class).stream()
						.map((s) -> new Workload("StatefulSet", s.getMetadata().getName(), s.getSpec().getTemplate())))
			.toList();
	}

	/** A workload and its pod template. */
	record Workload(String kind, String name, PodTemplateSpec template) {

		Map<String, String> podLabels() {
			return this.template.getMetadata().getLabels();
		}

		@Override
		public String toString() {
			return this.kind + "/" + this.name;
		}
	}

	private static String name(Map<String, Object> document) {
		return (document.get("metadata") instanceof Map<?, ?> metadata) ? String.valueOf(metadata.get("name"))
				: "(no name)";
	}

	private static ObjectMapper strictMapper() {
		ObjectMapper mapper = new ObjectMapper();
		mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
		mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
		// fabric8's and Strimzi's models keep unknown fields through a @JsonAnySetter;
		// without it
		// FAIL_ON_UNKNOWN_PROPERTIES applies to them as to any other class.
		mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
			@Override
			public Boolean hasAnySetter(Annotated annotated) {
				return Boolean.FALSE;
			}
		});
		return mapper;
	}

}
