package dev.orderflow.registry.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.orderflow.registry.store.Leader;
import dev.orderflow.registry.store.LeaderElection;
import dev.orderflow.registry.store.SchemaStore;
import dev.orderflow.registry.store.StoreProperties;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/metadata}: Confluent's cluster identity ({@code /id}) and version, plus
 * {@code /leader}, ours, telling operators which instance takes writes.
 */
@RestController
@RequestMapping("/v1/metadata")
class MetadataController {

	private final SchemaStore store;

	private final LeaderElection election;

	private final StoreProperties properties;

	MetadataController(SchemaStore store, LeaderElection election, StoreProperties properties) {
		this.store = store;
		this.election = election;
		this.properties = properties;
	}

	/**
	 * Which Kafka cluster and which registry cluster (the election group) this instance
	 * belongs to.
	 */
	@GetMapping("/id")
	Map<String, Object> id() {
		Map<String, String> clusters = new LinkedHashMap<>();
		clusters.put("kafka-cluster", this.store.clusterId());
		clusters.put("schema-registry-cluster", this.properties.groupId());
		return Map.of("scope", Map.of("path", List.of(), "clusters", clusters));
	}

	@GetMapping("/version")
	Map<String, String> version() {
		// the jar's version: no git commit is built in
		String implementation = MetadataController.class.getPackage().getImplementationVersion();
		return Map.of("version", (implementation != null) ? implementation : "unknown", "commitId", "unknown");
	}

	/**
	 * The leader as announced in the topic, and whether this very instance holds the
	 * leadership.
	 */
	@GetMapping("/leader")
	Map<String, Object> leader() {
		Map<String, Object> answer = new LinkedHashMap<>();
		Leader leader = this.store.leader().orElse(null);
		answer.put("leader", (leader != null) ? leader.url() : null);
		answer.put("generation", (leader != null) ? leader.generation() : null);
		answer.put("instance", this.election.instance());
		answer.put("url", this.election.url());
		answer.put("isLeader", this.election.isLeader());
		return answer;
	}

}
