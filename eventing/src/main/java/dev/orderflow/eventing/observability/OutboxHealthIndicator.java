package dev.orderflow.eventing.observability;

import java.time.Duration;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code outbox} health: how many events wait, how long the oldest has waited and how
 * many were set aside. DOWN once the oldest has waited longer than the threshold: the
 * service still takes orders (this indicator is not part of readiness, on purpose) but
 * cannot deliver them.
 */
public class OutboxHealthIndicator extends AbstractHealthIndicator {

	private final OutboxMetrics outbox;

	private final Duration maxAge;

	public OutboxHealthIndicator(OutboxMetrics outbox, Duration maxAge) {
		super("Outbox health check failed");
		this.outbox = outbox;
		this.maxAge = maxAge;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		double oldestAge = this.outbox.oldestAgeSeconds();
		builder.withDetail("backlog", (long) this.outbox.backlog())
			.withDetail("oldestAgeSeconds", oldestAge)
			.withDetail("setAside", (long) this.outbox.setAside())
			.withDetail("maxAgeSeconds", this.maxAge.toSeconds());
		if (oldestAge > this.maxAge.toMillis() / 1000.0) {
			builder.down()
				.withDetail("reason",
						"the oldest unpublished event has waited " + Math.round(oldestAge) + " s, longer than "
								+ this.maxAge.toSeconds() + " s: the broker or the registry is unreachable");
		}
		else {
			builder.up();
		}
	}

}
