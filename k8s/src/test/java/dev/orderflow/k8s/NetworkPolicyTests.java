package dev.orderflow.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.strimzi.api.kafka.model.kafka.Kafka;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Default deny, then only what the saga needs: every workload's pods are selected by a
 * policy of their own, every peer a policy names exists, and each service reaches Kafka
 * on 9092, the registry on 8081 and its own database on 5432 (notification-service also
 * SMTP).
 */
class NetworkPolicyTests {

	static final List<String> OVERLAYS = Repository.OVERLAYS;

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void theNamespaceDeniesByDefaultAndLetsPodsResolveNames(String overlay) {
		Manifests manifests = Manifests.ofOverlay(overlay);
		NetworkPolicy ingress = manifests.get(NetworkPolicy.class, "default-deny-ingress");
		assertThat(ingress.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
		assertThat(ingress.getSpec().getIngress()).isEmpty();
		assertThat(ingress.getSpec().getPolicyTypes()).containsExactly("Ingress");
		NetworkPolicy egress = manifests.get(NetworkPolicy.class, "default-deny-egress");
		assertThat(egress.getSpec().getEgress()).isEmpty();
		assertThat(egress.getSpec().getPolicyTypes()).containsExactly("Egress");
		NetworkPolicy dns = manifests.get(NetworkPolicy.class, "allow-dns-egress");
		assertThat(dns.getSpec().getEgress()).singleElement()
			.satisfies(
					(rule) -> assertThat(rule.getPorts()).extracting((p) -> p.getPort().getIntVal()).containsOnly(53));
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyWorkloadHasItsOwnPolicy(String overlay) {
		Manifests manifests = Manifests.ofOverlay(overlay);
		List<String> uncovered = new ArrayList<>();
		for (Manifests.Workload workload : manifests.workloads()) {
			boolean covered = manifests.all(NetworkPolicy.class)
				.stream()
				.map((p) -> p.getSpec().getPodSelector())
				.filter((selector) -> selector.getMatchLabels() != null && !selector.getMatchLabels().isEmpty())
				.anyMatch((selector) -> selects(selector, workload.podLabels())
						&& selector.getMatchLabels().containsKey("app.kubernetes.io/name"));
			if (!covered) {
				uncovered.add(workload.toString());
			}
			assertThat(workload.podLabels()).as("%s is an orderflow pod, so default-deny-egress applies", workload)
				.containsEntry("app.kubernetes.io/part-of", "orderflow");
		}
		assertThat(uncovered).as("workloads without a NetworkPolicy of their own").isEmpty();
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyPeerAPolicyNamesIsRendered(String overlay) {
		Manifests manifests = Manifests.ofOverlay(overlay);
		List<String> missing = new ArrayList<>();
		for (NetworkPolicy policy : manifests.all(NetworkPolicy.class)) {
			List<NetworkPolicyPeer> peers = new ArrayList<>();
			policy.getSpec().getIngress().forEach((rule) -> peers.addAll(rule.getFrom()));
			policy.getSpec().getEgress().forEach((rule) -> peers.addAll(rule.getTo()));
			for (NetworkPolicyPeer peer : peers) {
				LabelSelector selector = peer.getPodSelector();
				if (peer.getNamespaceSelector() != null || selector == null || selector.getMatchLabels() == null
						|| selector.getMatchLabels().isEmpty()) {
					continue;
				}
				if (!exists(manifests, selector.getMatchLabels())) {
					missing.add(policy.getMetadata().getName() + " → " + selector.getMatchLabels());
				}
			}
		}
		assertThat(missing).as("peers no rendered pod matches").isEmpty();
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void eachServiceReachesExactlyWhatTheSagaNeeds(String overlay) {
		Manifests manifests = Manifests.ofOverlay(overlay);
		for (String service : List.of("order-service", "inventory-service", "notification-service")) {
			NetworkPolicy policy = manifests.get(NetworkPolicy.class, service);
			assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
			List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();
			assertThat(egressPorts(egress, "strimzi.io/cluster", "orderflow")).as(service).containsExactly(9092);
			assertThat(egressPorts(egress, "app.kubernetes.io/name", "schema-registry")).as(service)
				.containsExactly(8081);
			assertThat(egressPorts(egress, "db.orderflow.dev/" + service, "true")).as(service).containsExactly(5432);
			// the API from this namespace and the ingress controller; actuator (8090)
			// from monitoring only
			assertThat(policy.getSpec().getIngress()).hasSize(2);
			assertThat(policy.getSpec().getIngress().get(0).getPorts()).extracting((p) -> p.getPort().getIntVal())
				.containsExactly(ServiceConfig.of(service).defaultPort());
			assertThat(policy.getSpec().getIngress().get(0).getFrom())
				.noneMatch((peer) -> peer.getNamespaceSelector() != null && "monitoring"
					.equals(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")));
			assertThat(policy.getSpec().getIngress().get(1).getPorts()).extracting((p) -> p.getPort().getIntVal())
				.containsExactly(8090);
			assertThat(policy.getSpec().getIngress().get(1).getFrom()).singleElement()
				.satisfies((peer) -> assertThat(peer.getNamespaceSelector().getMatchLabels())
					.containsEntry("kubernetes.io/metadata.name", "monitoring"));
			// the issuer's JWK set: our auth-server, or (production) an external issuer
			// over HTTPS
			if (!"production".equals(overlay)) {
				assertThat(egressPorts(egress, "app.kubernetes.io/name", "auth-server")).as(service)
					.containsExactly(9000);
			}
		}
		NetworkPolicy notification = manifests.get(NetworkPolicy.class, "notification-service");
		assertThat(notification.getSpec().getEgress()).filteredOn((rule) -> rule.getTo().isEmpty())
			.flatExtracting(NetworkPolicyEgressRule::getPorts)
			.extracting((p) -> p.getPort().getIntVal())
			.as("SMTP ports")
			.contains(25, 587);
	}

	private static List<Integer> egressPorts(List<NetworkPolicyEgressRule> egress, String label, String value) {
		return egress.stream()
			.filter((rule) -> rule.getTo()
				.stream()
				.anyMatch((peer) -> peer.getPodSelector() != null && peer.getPodSelector().getMatchLabels() != null
						&& value.equals(peer.getPodSelector().getMatchLabels().get(label))))
			.flatMap((rule) -> rule.getPorts().stream())
			.map(NetworkPolicyPort::getPort)
			.map((port) -> port.getIntVal())
			.toList();
	}

	/**
	 * Whether some rendered pod carries these labels; Strimzi's pods exist when their
	 * Kafka does.
	 */
	private static boolean exists(Manifests manifests, Map<String, String> labels) {
		String cluster = labels.get("strimzi.io/cluster");
		if (cluster != null) {
			return manifests.find(Kafka.class, cluster).isPresent();
		}
		return manifests.workloads().stream().anyMatch((w) -> w.podLabels().entrySet().containsAll(labels.entrySet()));
	}

	private static boolean selects(LabelSelector selector, Map<String, String> labels) {
		return labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
	}

}
