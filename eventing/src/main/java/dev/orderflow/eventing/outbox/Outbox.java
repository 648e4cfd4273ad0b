package dev.orderflow.eventing.outbox;

import java.sql.Timestamp;
import java.time.Clock;

import org.apache.avro.specific.SpecificRecord;

import dev.orderflow.eventing.observability.OutboxTracing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The write side of the transactional outbox: appends an event to {@code outbox_event}
 * inside the caller's transaction. If that transaction rolls back, the event is gone with
 * it; if it commits, {@link OutboxRelay} is guaranteed to publish it, even after a crash.
 */
public class Outbox {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Runnable afterCommit;

	private final OutboxTracing tracing;

	private final WriterSchemas writerSchemas;

	/**
	 * @param writerSchemas where the schema each payload is written with is kept
	 * @param afterCommit run after each transaction that appended events commits (wakes
	 * the relay so it publishes without waiting for its next poll)
	 * @param tracing captures the current trace context, stored with the event so that
	 * its publication continues the trace
	 */
	public Outbox(JdbcClient jdbc, Clock clock, WriterSchemas writerSchemas, Runnable afterCommit,
			OutboxTracing tracing) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.writerSchemas = writerSchemas;
		this.afterCommit = afterCommit;
		this.tracing = tracing;
	}

	/**
	 * Stores {@code event} for publication to {@code topic} with {@code key}. Must run
	 * inside a transaction: an event stored outside one could be published for a change
	 * that never committed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void append(String topic, String key, SpecificRecord event) {
		this.jdbc
			.sql("""
					INSERT INTO outbox_event (topic, record_key, event_type, payload, writer_schema, created_at, trace_context)
					VALUES (:topic, :key, :type, :payload, :writerSchema, :createdAt, :traceContext)""")
			.param("topic", topic)
			.param("key", key)
			.param("type", event.getClass().getName())
			.param("payload", OutboxPayloads.encode(event))
			.param("writerSchema", this.writerSchemas.store(event.getSchema()))
			.param("createdAt", Timestamp.from(this.clock.instant()))
			.param("traceContext", this.tracing.capture(topic))
			.update();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Outbox.this.afterCommit.run();
			}
		});
	}

}
