package dev.orderflow.k8s;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every environment variable k8s/ gives one of our services is one the service reads: a
 * placeholder of its application.yml, or a variable that Spring Boot's relaxed binding
 * maps onto a key of its application.yml or of its {@code @ConfigurationProperties}, or
 * one of the few Boot properties in {@link ServiceConfig#BOOT}. A misspelt variable is
 * otherwise silently ignored and the service runs on its laptop defaults (127.0.0.1) in
 * the cluster.
 */
class EnvironmentTests {

	static final List<String> OVERLAYS = Repository.OVERLAYS;

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyVariableMapsToAConfigurationKeyTheServiceReads(String overlay) {
		Manifests manifests = Manifests.ofOverlay(overlay);
		List<String> unread = new ArrayList<>();
		for (String service : ContainerSecurityTests.services(overlay)) {
			ServiceConfig config = ServiceConfig.of(service);
			Container container = ContainerSecurityTests.orderflowContainer(manifests, service);
			Environment environment = Environment.of(manifests, container);
			assertThat(environment.names()).as("environment of %s", service).isNotEmpty();
			for (String name : environment.names()) {
				if (!config.reads(name)) {
					unread.add(service + ": " + name + " (from " + environment.sources().get(name) + ", binds "
							+ ServiceConfig.bound(name) + ")");
				}
			}
		}
		assertThat(unread).as("variables no service reads").isEmpty();
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void theServicesFindKafkaTheRegistryAndTheirOwnDatabase(String overlay) {
		Manifests manifests = Manifests.ofOverlay(overlay);
		for (String service : ContainerSecurityTests.services(overlay)) {
			if (Repository.AUTH_SERVER.equals(service)) {
				// signs users in: no Kafka, no registry, no database
				continue;
			}
			Environment environment = Environment.of(manifests,
					ContainerSecurityTests.orderflowContainer(manifests, service));
			assertThat(environment.value("KAFKA_BOOTSTRAP_SERVERS")).as(service)
				.hasValue("orderflow-kafka-bootstrap:9092");
			if (!"schema-registry".equals(service)) {
				assertThat(environment.value("SCHEMA_REGISTRY_URL")).as(service)
					.hasValue("http://schema-registry:8081");
				assertThat(environment.value("SPRING_DATASOURCE_URL")).as(service)
					.get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
					.startsWith("jdbc:postgresql://")
					.endsWith("/" + service.replace('-', '_'));
				assertThat(environment.names()).as(service)
					.contains("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
			}
		}
	}

	/**
	 * The bench's switches drop guarantees (ADR 0020): no overlay may set one, nor the
	 * setting that allows them, whatever its spelling.
	 */
	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void noServiceGetsABenchSwitch(String overlay) {
		Manifests manifests = Manifests.ofOverlay(overlay);
		for (String service : ContainerSecurityTests.services(overlay)) {
			Environment environment = Environment.of(manifests,
					ContainerSecurityTests.orderflowContainer(manifests, service));
			assertThat(environment.names()).as(service)
				.noneMatch((name) -> ServiceConfig.bound(name).startsWith("orderflow.bench"));
		}
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void secretTemplatesNameTheirKeys(String overlay) {
		for (Secret secret : Manifests.ofOverlay(overlay).all(Secret.class)) {
			assertThat(Environment.secretKeys(secret)).as("keys of Secret %s", secret.getMetadata().getName())
				.isNotEmpty();
		}
	}

	@Test
	void relaxedBindingIsUnderstoodAsSpringBootDoesIt() {
		ServiceConfig order = ServiceConfig.of("order-service");
		assertThat(order.reads("SPRING_KAFKA_PRODUCER_VALUESERIALIZER")).isTrue();
		assertThat(order.reads("SPRING_KAFKA_CONSUMER_PROPERTIES_SPRING_DESERIALIZER_VALUE_DELEGATE_CLASS")).isTrue();
		assertThat(order.reads("KAFKA_BOOTSTRAP_SERVERS")).isTrue();
		assertThat(order.reads("SPRING_DATASOURCE_URL")).isTrue();
		// the dash of value-serializer is dropped, not turned into an underscore
		assertThat(order.reads("SPRING_KAFKA_PRODUCER_VALUE_SERIALIZER")).isFalse();
		assertThat(order.reads("KAFKA_BOOTSTRAP_SERVER")).isFalse();
		ServiceConfig notification = ServiceConfig.of("notification-service");
		// a key of a @ConfigurationProperties record (ConsoleProperties), not of
		// application.yml
		assertThat(notification.reads("ORDERFLOW_CONSOLE_ORDERSERVICEURL")).isTrue();
		assertThat(notification.reads("ORDERFLOW_CONSOLE_ORDER_SERVICE_URL")).isFalse();
		assertThat(notification.reads("SMTP_HOST")).isTrue();
	}

}
