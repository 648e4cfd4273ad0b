package dev.orderflow.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Our registry runs as a cluster (docs/decisions/0013): two instances that elect a
 * leader, a disruption budget that keeps one serving, followers allowed to reach the
 * leader, and basic auth on outside the throw-away local cluster, where every service
 * then brings its user.
 */
class RegistryClusterTests {

	/** base as it is, and every overlay. */
	static final List<String> RENDERINGS = List.of("base", "local", "production");

	private static final List<String> CLIENTS = List.of("order-service", "inventory-service", "notification-service");

	private static final String USER_INFO = "SPRING_KAFKA_PROPERTIES_BASIC_AUTH_USER_INFO";

	private static final String SOURCE = "SPRING_KAFKA_PROPERTIES_BASIC_AUTH_CREDENTIALS_SOURCE";

	private final Manifests base = Manifests.parse(Kustomize.render(Repository.root().resolve("k8s/base")));

	private final Manifests local = Manifests.ofOverlay("local");

	@Test
	void runsTwoInstancesAndNeverDisruptsBothAtOnce() {
		assertThat(this.base.get(Deployment.class, "schema-registry").getSpec().getReplicas()).isEqualTo(2);
		assertThat(this.base.get(HorizontalPodAutoscaler.class, "schema-registry").getSpec().getMinReplicas())
			.isGreaterThanOrEqualTo(2);
		PodDisruptionBudget budget = this.base.get(PodDisruptionBudget.class, "schema-registry");
		assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
		assertThat(budget.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name",
				"schema-registry");
	}

	@Test
	void basicAuthIsOnWithUsersFromASecretButOffLocally() {
		assertThat(configOf(this.base).getData()).containsEntry("ORDERFLOW_REGISTRY_AUTH_ENABLED", "true");
		assertThat(this.base.get(Deployment.class, "schema-registry")
			.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.get(0)
			.getEnvFrom()).filteredOn((source) -> source.getSecretRef() != null)
			.extracting((source) -> source.getSecretRef().getName())
			.containsExactly("schema-registry-auth");
		assertThat(configOf(this.local).getData()).containsEntry("ORDERFLOW_REGISTRY_AUTH_ENABLED", "false");
	}

	@ParameterizedTest
	@FieldSource("RENDERINGS")
	void whereAuthIsOnEveryServiceSendsAUserFromItsOwnSecret(String rendering) {
		Manifests manifests = render(rendering);
		if (!"true".equals(configOf(manifests).getData().get("ORDERFLOW_REGISTRY_AUTH_ENABLED"))) {
			assertThat(rendering).as("only the local cluster runs the registry open").isEqualTo("local");
			return;
		}
		for (String service : CLIENTS) {
			Container container = ContainerSecurityTests.orderflowContainer(manifests, service);
			Environment environment = Environment.of(manifests, container);
			assertThat(environment.value(SOURCE)).as(service).hasValue("USER_INFO");
			// the user is a credential: from a Secret of the service's own, never from a
			// ConfigMap or env
			assertThat(environment.sources().get(USER_INFO)).as(service).isEqualTo("Secret " + service + "-registry");
			assertThat(container.getEnvFrom()).extracting(EnvFromSource::getSecretRef)
				.filteredOn((ref) -> ref != null && ref.getName().equals(service + "-registry"))
				.as("%s's registry Secret is required, so a missing one stops the pod instead of a 401 later", service)
				.singleElement()
				.satisfies((ref) -> assertThat(ref.getOptional()).isNotEqualTo(Boolean.TRUE));
			Secret secret = manifests.get(Secret.class, service + "-registry");
			assertThat(secret.getStringData()).as("the template in git holds no credential").isNullOrEmpty();
			assertThat(secret.getData()).as("the template in git holds no credential").isNullOrEmpty();
		}
	}

	@Test
	void locallyTheRegistryIsOpenAndNoServiceInsistsOnCredentials() {
		assertThat(configOf(this.local).getData()).containsEntry("ORDERFLOW_REGISTRY_AUTH_ENABLED", "false");
		for (String service : CLIENTS) {
			Environment environment = Environment.of(this.local,
					ContainerSecurityTests.orderflowContainer(this.local, service));
			// USER_INFO without a user fails the serde at start; URL (Confluent's
			// default) sends none
			assertThat(environment.value(SOURCE)).as(service).hasValue("URL");
			assertThat(environment.value("SCHEMA_REGISTRY_URL")).as(service).hasValue("http://schema-registry:8081");
			assertThat(this.local.get(Secret.class, service + "-registry").getStringData()).as(service)
				.doesNotContainKey(USER_INFO);
		}
	}

	private static Manifests render(String rendering) {
		return "base".equals(rendering) ? Manifests.parse(Kustomize.render(Repository.root().resolve("k8s/base")))
				: Manifests.ofOverlay(rendering);
	}

	private static ConfigMap configOf(Manifests manifests) {
		return ProductionOverlayTests.configOf(manifests, "schema-registry");
	}

}
