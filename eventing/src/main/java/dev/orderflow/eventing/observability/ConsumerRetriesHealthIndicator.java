package dev.orderflow.eventing.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import dev.orderflow.eventing.retry.Dependency;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Says which partitions a consumer is holding on because a dependency is away, and why:
 * the records are not lost, they wait (ADR 0009). UP while it waits on the broker, the
 * registry or the mail server: the consumer does what it should, and that dependency's
 * own indicator is the one that is DOWN.
 * <p>
 * DOWN once a partition has waited on the database for longer than
 * {@code databaseWaitLimit}: the service cannot do its work, even when the {@code db}
 * indicator's validation query still passes. That happened in the 100,000-order soak,
 * where H2 failed every reservation insert with "The database has been closed" while new
 * connections answered (ADR 0017). It is part of readiness for that reason, like
 * {@code db}.
 */
public class ConsumerRetriesHealthIndicator extends AbstractHealthIndicator {

	private final ConsumerRetries retries;

	private final Clock clock;

	private final Duration databaseWaitLimit;

	public ConsumerRetriesHealthIndicator(ConsumerRetries retries, Clock clock, Duration databaseWaitLimit) {
		super("Consumer retries health check failed");
		this.retries = retries;
		this.clock = clock;
		this.databaseWaitLimit = databaseWaitLimit;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, ConsumerRetries.Waiting> waiting = this.retries.waiting();
		Instant limit = this.clock.instant().minus(this.databaseWaitLimit);
		Map<String, ConsumerRetries.Waiting> stuck = new TreeMap<>();
		waiting.forEach((partition, wait) -> {
			if (Dependency.DATABASE.tag().equals(wait.reason()) && wait.since().isBefore(limit)) {
				stuck.put(partition, wait);
			}
		});
		if (stuck.isEmpty()) {
			builder.up();
		}
		else {
			builder.down()
				.withDetail("databaseUnusableLongerThan", this.databaseWaitLimit.toString())
				.withDetail("stuckOnDatabase", stuck);
		}
		builder.withDetail("waitingOnDependency", waiting);
	}

}
