package dev.orderflow.eventing.observability;

import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Says which partitions a consumer is holding on because a dependency is away, and why: the
 * records are not lost, they wait (ADR 0009). Always UP: the consumer does what it should, and
 * the dependency's own indicator ({@code db}, {@code schemaRegistry}, {@code mail}, {@code kafka})
 * is the one that is DOWN. Not part of readiness.
 */
public class ConsumerRetriesHealthIndicator extends AbstractHealthIndicator {

	private final ConsumerRetries retries;

	public ConsumerRetriesHealthIndicator(ConsumerRetries retries) {
		super("Consumer retries health check failed");
		this.retries = retries;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, ConsumerRetries.Waiting> waiting = this.retries.waiting();
		builder.up().withDetail("waitingOnDependency", waiting);
	}

}
