package dev.orderflow.eventing.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.eventing.observability.OutboxTracing;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

/**
 * The read side of the transactional outbox: a single background thread that publishes stored
 * events to Kafka in the order they were stored, waits for the broker's acknowledgement
 * ({@code acks=all}, idempotent producer) and only then deletes them.
 * <p>
 * A crash between publish and delete publishes the event again on restart: delivery is
 * at-least-once, and consumers drop the duplicate by its {@code eventId} (see the inbox). One
 * relay per database keeps the order; running several instances of a service against one
 * database would need a lock around {@link #publishPending()}.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final JdbcClient jdbc;

	private final KafkaOperations<Object, Object> kafka;

	private final OutboxProperties properties;

	private final OutboxTracing tracing;

	private final Semaphore wakeUp = new Semaphore(0);

	private volatile boolean running;

	private Thread worker;

	public OutboxRelay(JdbcClient jdbc, KafkaOperations<Object, Object> kafka, OutboxProperties properties) {
		this(jdbc, kafka, properties, OutboxTracing.NONE);
	}

	/**
	 * @param tracing restores the trace context stored with each event as the parent of its
	 * publication
	 */
	public OutboxRelay(JdbcClient jdbc, KafkaOperations<Object, Object> kafka, OutboxProperties properties,
			OutboxTracing tracing) {
		this.jdbc = jdbc;
		this.kafka = kafka;
		this.properties = properties;
		this.tracing = tracing;
	}

	/** Tells the relay that a transaction just committed new events, so it need not wait for its next poll. */
	public void wakeUp() {
		this.wakeUp.release();
	}

	/**
	 * Publishes one batch of pending events, oldest first, stopping at the first failure so that
	 * a later event never overtakes an earlier one.
	 * @return how many events were published and removed from the outbox
	 */
	public int publishPending() {
		List<PendingEvent> batch = this.jdbc
			.sql("""
					SELECT id, topic, record_key, event_type, payload, trace_context
					FROM outbox_event ORDER BY id FETCH FIRST :n ROWS ONLY""")
			.param("n", this.properties.batchSize())
			.query((rs, row) -> new PendingEvent(rs.getLong("id"), rs.getString("topic"), rs.getString("record_key"),
					rs.getString("event_type"), rs.getBytes("payload"), rs.getString("trace_context")))
			.list();
		if (batch.isEmpty()) {
			return 0;
		}
		List<CompletableFuture<SendResult<Object, Object>>> sends = new ArrayList<>(batch.size());
		for (PendingEvent event : batch) {
			ProducerRecord<Object, Object> record = new ProducerRecord<>(event.topic(), event.key(),
					OutboxPayloads.decode(event.type(), event.payload()));
			sends.add(this.tracing.restore(event.traceContext(), event.topic(), () -> this.kafka.send(record)));
		}
		List<Long> published = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			try {
				sends.get(i).get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
				published.add(batch.get(i).id());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (Exception ex) {
				log.warn("Outbox event {} for key {} not published yet, will retry: {}", batch.get(i).id(),
						batch.get(i).key(), ex.getMessage());
				break;
			}
		}
		delete(published);
		return published.size();
	}

	/** Number of events waiting to be published. */
	public long backlog() {
		return this.jdbc.sql("SELECT COUNT(*) FROM outbox_event").query(Long.class).single();
	}

	private void delete(List<Long> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.sql("DELETE FROM outbox_event WHERE id IN (:ids)").param("ids", ids).update();
		}
	}

	private void run() {
		while (this.running) {
			try {
				int published = publishPending();
				if (published < this.properties.batchSize()) {
					idle(this.properties.pollInterval());
				}
			}
			catch (RuntimeException ex) {
				log.warn("Outbox relay failed, retrying in {}: {}", this.properties.retryInterval(), ex.getMessage());
				idle(this.properties.retryInterval());
			}
		}
	}

	private void idle(Duration duration) {
		try {
			this.wakeUp.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
			this.wakeUp.drainPermits();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.worker = new Thread(this::run, "outbox-relay");
		this.worker.setDaemon(true);
		this.worker.start();
	}

	@Override
	public void stop() {
		this.running = false;
		this.wakeUp.release();
		if (this.worker != null) {
			try {
				this.worker.join(2000);
				// still blocked in a send (broker unreachable): unsent events stay in the outbox for the next start
				this.worker.interrupt();
				this.worker.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public boolean isAutoStartup() {
		return this.properties.relayEnabled();
	}

	/** Start after the Kafka producer and stop before it. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 100;
	}

	private record PendingEvent(long id, String topic, String key, String type, byte[] payload, String traceContext) {
	}

}
