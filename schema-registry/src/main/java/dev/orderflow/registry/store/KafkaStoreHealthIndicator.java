package dev.orderflow.registry.store;

import java.time.Duration;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Ready only when the store has replayed its topic and the broker still answers: without
 * Kafka the registry can serve reads but cannot accept a single write.
 */
class KafkaStoreHealthIndicator extends AbstractHealthIndicator {

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final SchemaStore store;

	private final LeaderElection election;

	KafkaStoreHealthIndicator(SchemaStore store, LeaderElection election) {
		super("Kafka schema store check failed");
		this.store = store;
		this.election = election;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("topic", this.store.topic().name());
		// which instance takes writes, for operators: also at GET /v1/metadata/leader
		builder.withDetail("leader", this.election.isLeader());
		this.store.leader().ifPresent((leader) -> builder.withDetail("leaderUrl", leader.url()));
		if (!this.store.ready()) {
			builder.down().withDetail("reason", "store not loaded");
		}
		else if (!this.store.topic().reachable(TIMEOUT)) {
			builder.down().withDetail("reason", "Kafka unreachable");
		}
		else {
			builder.up();
		}
	}

}
