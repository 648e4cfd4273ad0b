package dev.orderflow.eventing.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox of an idempotent consumer. Kafka delivers at least once, and the outbox may
 * publish an event twice, so every listener asks {@link #firstDelivery} before applying
 * an event. The row it writes commits or rolls back together with the event's effect, so
 * "processed" and "applied" can never disagree.
 */
public class ProcessedEvents {

	private final JdbcClient jdbc;

	private final Clock clock;

	public ProcessedEvents(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records that {@code consumer} is processing {@code eventId}.
	 * @return {@code true} the first time, {@code false} when the event was already
	 * processed and must be skipped
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean firstDelivery(String consumer, UUID eventId) {
		boolean seen = this.jdbc
			.sql("SELECT COUNT(*) FROM processed_event WHERE consumer = :consumer AND event_id = :id")
			.param("consumer", consumer)
			.param("id", eventId.toString())
			.query(Long.class)
			.single() > 0;
		if (seen) {
			return false;
		}
		// Two concurrent deliveries of one event both get here; the primary key lets only
		// one commit.
		this.jdbc.sql("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (:consumer, :id, :at)")
			.param("consumer", consumer)
			.param("id", eventId.toString())
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		return true;
	}

}
