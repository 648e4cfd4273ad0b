package dev.orderflow.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

/**
 * Our registry runs as a cluster (docs/decisions/0013): two instances that elect a leader, a
 * disruption budget that keeps one serving, followers allowed to reach the leader, and basic
 * auth on outside the throw-away local cluster.
 */
class RegistryClusterTests {

	private final Manifests base = Manifests.parse(Kustomize.render(Repository.root().resolve("k8s/base")));

	private final Manifests local = Manifests.ofOverlay("local");

	@Test
	void runsTwoInstancesAndNeverDisruptsBothAtOnce() {
		assertThat(this.base.get(Deployment.class, "schema-registry").getSpec().getReplicas()).isEqualTo(2);
		assertThat(this.base.get(HorizontalPodAutoscaler.class, "schema-registry").getSpec().getMinReplicas())
			.isGreaterThanOrEqualTo(2);
		PodDisruptionBudget budget = this.base.get(PodDisruptionBudget.class, "schema-registry");
		assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
		assertThat(budget.getSpec().getSelector().getMatchLabels())
			.containsEntry("app.kubernetes.io/name", "schema-registry");
	}

	@Test
	void basicAuthIsOnWithUsersFromASecretButOffLocally() {
		assertThat(configOf(this.base).getData()).containsEntry("ORDERFLOW_REGISTRY_AUTH_ENABLED", "true");
		assertThat(this.base.get(Deployment.class, "schema-registry").getSpec().getTemplate().getSpec()
			.getContainers()
			.get(0)
			.getEnvFrom()).filteredOn((source) -> source.getSecretRef() != null)
			.extracting((source) -> source.getSecretRef().getName())
			.containsExactly("schema-registry-auth");
		assertThat(configOf(this.local).getData()).containsEntry("ORDERFLOW_REGISTRY_AUTH_ENABLED", "false");
	}

	private static ConfigMap configOf(Manifests manifests) {
		return ProductionOverlayTests.configOf(manifests, "schema-registry");
	}

}
