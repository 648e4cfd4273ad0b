package dev.orderflow.eventing.observability;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.orderflow.eventing.outbox.SetAsideEvents;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gauges of the transactional outbox, read from its tables at each scrape:
 * {@code orderflow.outbox.backlog} (events stored but not yet published),
 * {@code orderflow.outbox.oldest.age} (seconds the oldest of them has waited) and
 * {@code orderflow.outbox.set.aside} (events set aside because they can never be
 * published). A growing age is the signal that the relay cannot reach the broker or the
 * registry, long before customers notice; any event set aside wants an operator.
 */
public class OutboxMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SetAsideEvents setAside;

	public OutboxMetrics(JdbcClient jdbc, Clock clock, SetAsideEvents setAside) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.setAside = setAside;
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
		Gauge.builder("orderflow.outbox.set.aside", this, OutboxMetrics::setAside)
			.description("Outbox events set aside because they can never be published (dead-letter API lists them)")
			.register(registry);
	}

	double setAside() {
		return this.setAside.count();
	}

	double backlog() {
		return this.jdbc.sql("SELECT COUNT(*) FROM outbox_event").query(Long.class).single();
	}

	double oldestAgeSeconds() {
		Timestamp oldest = this.jdbc.sql("SELECT MIN(created_at) FROM outbox_event")
			.query(Timestamp.class)
			.optional()
			.orElse(null);
		if (oldest == null) {
			return 0;
		}
		return Math.max(0, Duration.between(oldest.toInstant(), this.clock.instant()).toMillis() / 1000.0);
	}

}
