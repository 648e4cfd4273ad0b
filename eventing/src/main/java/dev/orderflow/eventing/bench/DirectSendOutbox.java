package dev.orderflow.eventing.bench;

import java.time.Clock;

import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.eventing.observability.OutboxTracing;
import dev.orderflow.eventing.outbox.Outbox;
import dev.orderflow.eventing.outbox.WriterSchemas;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox switched off ({@code orderflow.bench.outbox-direct-send}, bench only): an
 * appended event is sent with a plain {@link KafkaTemplate} once the caller's transaction
 * commits, and never written to {@code outbox_event}. What a service without an outbox
 * does, and what it risks: a crash or a broker outage between the commit and the send
 * loses the event, and the saga of its order stops there.
 * <p>
 * After the commit rather than at once, so that a transaction that rolls back still sends
 * nothing, as with the outbox: the row measures the outbox's cost, not a different saga.
 */
class DirectSendOutbox extends Outbox implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DirectSendOutbox.class);

	private final KafkaTemplate<String, Object> kafka;

	/**
	 * The outbox's own collaborators are handed to its constructor only because it
	 * requires them; {@link #append} overrides the one method that would use them.
	 */
	DirectSendOutbox(KafkaTemplate<String, Object> kafka, JdbcClient jdbc, Clock clock, WriterSchemas writerSchemas,
			OutboxTracing tracing) {
		super(jdbc, clock, writerSchemas, () -> {
		}, tracing);
		this.kafka = kafka;
	}

	/**
	 * Sends {@code event} to {@code topic} with {@code key} after the caller's
	 * transaction commits; a failed send is logged and the event is lost.
	 */
	@Override
	public void append(String topic, String key, SpecificRecord event) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				send(topic, key, event);
			}
		});
	}

	/** Closes the producer when the application stops. */
	@Override
	public void close() {
		this.kafka.getProducerFactory().reset();
	}

	private void send(String topic, String key, SpecificRecord event) {
		this.kafka.send(topic, key, event).whenComplete((result, failure) -> {
			if (failure != null) {
				log.error("Lost {} of {} for {}: the send failed and there is no outbox to retry it",
						event.getSchema().getName(), key, topic, failure);
			}
		});
	}

}
