package dev.orderflow.eventing.observability;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gauges of the transactional outbox, read from its table at each scrape:
 * {@code orderflow.outbox.backlog} (events stored but not yet published) and
 * {@code orderflow.outbox.oldest.age} (seconds the oldest of them has waited). A growing age is
 * the signal that the relay cannot reach the broker, long before customers notice.
 */
public class OutboxMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	private final Clock clock;

	public OutboxMetrics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("orderflow.outbox.backlog", this, OutboxMetrics::backlog)
			.description("Events stored in the outbox and not yet published to Kafka")
			.register(registry);
		Gauge.builder("orderflow.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
			.description("Seconds the oldest unpublished outbox event has been waiting (0 when empty)")
			.baseUnit("seconds")
			.register(registry);
	}

	double backlog() {
		return this.jdbc.sql("SELECT COUNT(*) FROM outbox_event").query(Long.class).single();
	}

	double oldestAgeSeconds() {
		Timestamp oldest = this.jdbc.sql("SELECT MIN(created_at) FROM outbox_event").query(Timestamp.class).optional().orElse(null);
		if (oldest == null) {
			return 0;
		}
		return Math.max(0, Duration.between(oldest.toInstant(), this.clock.instant()).toMillis() / 1000.0);
	}

}
