package dev.orderflow.eventing.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import dev.orderflow.eventing.observability.OutboxTracing;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read side of the transactional outbox: a background thread that publishes stored
 * events to Kafka in the order they were stored, waits for the broker's acknowledgement
 * ({@code acks=all}, idempotent producer) and only then deletes them.
 * <p>
 * <b>At-least-once.</b> A crash between publish and delete publishes the event again:
 * consumers drop the duplicate by its {@code eventId} (see the inbox).
 * <p>
 * <b>N instances, one database.</b> Each batch runs in one transaction that first takes
 * the {@link RelayLock}; the relays of other instances find it taken and wait for their
 * next round, so no event is published by two relays at once and ids go out in order
 * across instances. A relay that dies mid-batch loses the lock with its connection; the
 * next relay republishes what was not deleted
 * (docs/decisions/0012-outbox-relay-at-n-instances.md).
 * <p>
 * <b>No poison.</b> An event that no retry can publish (too large, refused by the
 * registry, an unknown writer schema) is set aside ({@link SetAsideEvents}) with its
 * reason instead of blocking the outbox; later events of the same key are set aside
 * behind it, so none of them overtakes it. A broker or registry that is away is only
 * waited for.
 * <p>
 * <b>Rolling upgrades.</b> Rows are sent as stored, with their own writer schema
 * ({@link OutboxRecords}). At shutdown the relay stops after the web server and the
 * listeners, and drains what they stored.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final JdbcClient jdbc;

	private final KafkaOperations<String, byte[]> kafka;

	private final OutboxRecords records;

	private final SetAsideEvents setAside;

	private final List<SetAsideListener> setAsideListeners;

	private final OutboxProperties properties;

	private final OutboxTracing tracing;

	private final RelayLock lock;

	private final DurableReads durableReads;

	private final TransactionTemplate batchTransaction;

	private final TransactionTemplate savepoint;

	private final Clock clock;

	private final Semaphore wakeUp = new Semaphore(0);

	// stop() interrupts the worker only while it waits on Kafka, never inside a database
	// call: an
	// interrupt there closes H2's file channel, and H2 then closes the whole database
	// (commits of
	// other threads that were waiting for the store included). Guarded by kafkaWait.
	private final Object kafkaWait = new Object();

	private boolean waitingOnKafka;

	private volatile boolean running;

	private Thread worker;

	OutboxRelay(JdbcClient jdbc, KafkaOperations<String, byte[]> kafka, OutboxRecords records, SetAsideEvents setAside,
			List<SetAsideListener> setAsideListeners, PlatformTransactionManager transactions,
			OutboxProperties properties, OutboxTracing tracing, DurableReads durableReads, Clock clock) {
		this.jdbc = jdbc;
		this.kafka = kafka;
		this.records = records;
		this.setAside = setAside;
		this.setAsideListeners = setAsideListeners;
		this.properties = properties;
		this.tracing = tracing;
		this.clock = clock;
		this.lock = new RelayLock(jdbc);
		this.durableReads = durableReads;
		this.batchTransaction = new TransactionTemplate(transactions);
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * Tells the relay that a transaction just committed new events, so it need not wait
	 * for its next poll.
	 */
	public void wakeUp() {
		this.wakeUp.release();
	}

	/**
	 * Publishes one batch of pending events, oldest first, if no other relay is
	 * publishing. Stops at the first event that cannot be published <em>now</em>, so that
	 * a later event never overtakes an earlier one; sets aside those that never can.
	 * @return how many events left the outbox (published or set aside)
	 */
	public int publishPending() {
		return round().handled();
	}

	/** Number of events waiting to be published. */
	public long backlog() {
		return this.jdbc.sql("SELECT COUNT(*) FROM outbox_event").query(Long.class).single();
	}

	private Round round() {
		if (!anyPending()) {
			return Round.EMPTY;
		}
		Round round = this.batchTransaction.execute((status) -> this.lock.tryAcquire() ? publishBatch() : Round.EMPTY);
		return (round != null) ? round : Round.EMPTY;
	}

	/** A cheap look first, so an idle relay neither locks nor writes anything. */
	private boolean anyPending() {
		return !this.jdbc.sql("SELECT id FROM outbox_event FETCH FIRST 1 ROWS ONLY").query(Long.class).list().isEmpty();
	}

	private Round publishBatch() {
		List<PendingEvent> batch = this.jdbc.sql("""
				SELECT id, topic, record_key, event_type, payload, writer_schema, trace_context, created_at
				FROM outbox_event ORDER BY id FETCH FIRST :n ROWS ONLY""")
			.param("n", this.properties.batchSize())
			.query((rs, row) -> new PendingEvent(rs.getLong("id"), rs.getString("topic"), rs.getString("record_key"),
					rs.getString("event_type"), rs.getBytes("payload"), rs.getString("writer_schema"),
					rs.getString("trace_context"), rs.getTimestamp("created_at").toInstant()))
			.list();
		if (!batch.isEmpty()) {
			// a commit can be visible here before it is on disk (H2): publish only what a
			// crash cannot take back
			this.durableReads.beforePublishing();
		}
		Set<String> blocked = this.setAside.keysAmong(batch.stream().map(PendingEvent::key).distinct().toList());
		List<InFlight> sent = new ArrayList<>(batch.size());
		int setAsideCount = 0;
		RuntimeException stoppedBy = null;
		for (PendingEvent event : batch) {
			if (blocked.contains(event.key())) {
				setAside(event, "waits behind an earlier event of key " + event.key() + " that was set aside");
				setAsideCount++;
				continue;
			}
			try {
				CompletableFuture<SendResult<String, byte[]>> send = onKafka(() -> send(event));
				Throwable refused = refusedAtOnce(send);
				if (refused != null) {
					throw refused instanceof RuntimeException runtime ? runtime : new IllegalStateException(refused);
				}
				sent.add(new InFlight(event, send));
			}
			catch (RuntimeException ex) {
				if (!isPermanent(ex)) {
					stoppedBy = ex;
					break;
				}
				setAside(event, reason(ex));
				setAsideCount++;
				blocked.add(event.key());
			}
			catch (InterruptedException | ExecutionException | TimeoutException ex) {
				stoppedBy = new IllegalStateException("stopped while waiting for the broker", ex);
				break;
			}
		}
		List<Long> published = new ArrayList<>(sent.size());
		for (InFlight inFlight : sent) {
			try {
				onKafka(() -> inFlight.send().get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS));
				published.add(inFlight.event().id());
			}
			catch (InterruptedException ex) {
				// stop() gave up waiting for the broker; what was acknowledged is still
				// deleted below
				stoppedBy = new IllegalStateException("stopped while waiting for the broker", ex);
				break;
			}
			catch (Exception ex) {
				Throwable cause = (ex instanceof ExecutionException) ? ex.getCause() : ex;
				if (isPermanent(cause)) {
					// refused by the broker after the send: later events of its key in
					// this batch may be out already
					log.warn(
							"Outbox event {} of key {} refused by the broker after later events of the batch were sent",
							inFlight.event().id(), inFlight.event().key());
					setAside(inFlight.event(), reason(cause));
					setAsideCount++;
					continue;
				}
				stoppedBy = (cause instanceof RuntimeException runtime) ? runtime : new IllegalStateException(cause);
				break;
			}
		}
		delete(published);
		if (stoppedBy != null) {
			log.warn("Outbox relay waits for the broker or the registry, {} events published, next try in {}: {}",
					published.size(), this.properties.retryInterval(), stoppedBy.getMessage());
		}
		return new Round(published.size() + setAsideCount, stoppedBy != null);
	}

	private CompletableFuture<SendResult<String, byte[]>> send(PendingEvent event) {
		ProducerRecord<String, byte[]> record = this.records.toRecord(event);
		return this.tracing.restore(event.traceContext(), event.topic(), () -> this.kafka.send(record));
	}

	/**
	 * Runs a call that may block on the broker, the only place where {@link #stop()} may
	 * interrupt the worker.
	 */
	private <T> T onKafka(KafkaCall<T> call) throws InterruptedException, ExecutionException, TimeoutException {
		synchronized (this.kafkaWait) {
			this.waitingOnKafka = true;
		}
		try {
			return call.call();
		}
		finally {
			synchronized (this.kafkaWait) {
				this.waitingOnKafka = false;
				// an interrupt meant for this wait must not reach the database calls that
				// follow
				Thread.interrupted();
			}
		}
	}

	/**
	 * The producer checks a record's size before it queues it, and fails the send at
	 * once.
	 */
	private static Throwable refusedAtOnce(CompletableFuture<?> send) {
		if (!send.isCompletedExceptionally()) {
			return null;
		}
		try {
			send.getNow(null);
			return null;
		}
		catch (Exception ex) {
			return (ex.getCause() != null) ? ex.getCause() : ex;
		}
	}

	private void setAside(PendingEvent event, String reason) {
		MDC.put("orderId", event.key());
		try {
			log.error("Outbox event {} ({}) of key {} set aside, it can never be published: {}", event.id(),
					event.type(), event.key(), reason);
			this.setAside.setAside(event.id(), reason, this.clock.instant());
			SetAsideEvent setAsideEvent = new SetAsideEvent(event.id(), event.topic(), event.key(), event.type(),
					event.createdAt(), this.clock.instant(), reason);
			for (SetAsideListener listener : this.setAsideListeners) {
				notify(listener, setAsideEvent);
			}
		}
		finally {
			MDC.remove("orderId");
		}
	}

	private void notify(SetAsideListener listener, SetAsideEvent event) {
		try {
			this.savepoint.executeWithoutResult((status) -> listener.eventSetAside(event));
		}
		catch (RuntimeException ex) {
			log.error("Listener {} failed on set-aside outbox event {} of key {}", listener, event.id(), event.key(),
					ex);
		}
	}

	/**
	 * Whether no retry can ever publish the event: only these are set aside, everything
	 * else is waited for.
	 */
	static boolean isPermanent(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnpublishableEventException || cause instanceof RecordTooLargeException
					|| cause instanceof RecordBatchTooLargeException || cause instanceof InvalidRecordException
					|| cause instanceof SerializationException) {
				return true;
			}
		}
		return false;
	}

	private static String reason(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnpublishableEventException || cause instanceof RecordTooLargeException
					|| cause instanceof RecordBatchTooLargeException || cause instanceof InvalidRecordException) {
				return cause.getMessage();
			}
		}
		return failure.getMessage();
	}

	private void delete(List<Long> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.sql("DELETE FROM outbox_event WHERE id IN (:ids)").param("ids", ids).update();
		}
	}

	private void run() {
		while (this.running) {
			Round round = safeRound();
			if (round.failed()) {
				idle(this.properties.retryInterval());
			}
			else if (round.handled() < this.properties.batchSize()) {
				idle(this.properties.pollInterval());
			}
		}
		drain();
	}

	/**
	 * What the web server's last requests and the listeners' last polls stored while they
	 * shut down goes out before the relay stops, within the drain timeout; what is left
	 * (broker away) waits in the outbox for the next start or another instance.
	 */
	private void drain() {
		long deadline = System.nanoTime() + this.properties.drainTimeout().toNanos();
		while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
			Round round = safeRound();
			if (round.failed() || round.handled() == 0) {
				break;
			}
		}
		long left = safeBacklog();
		if (left > 0) {
			log.info("Outbox relay stopped with {} events left for the next relay", left);
		}
	}

	private Round safeRound() {
		try {
			return round();
		}
		catch (RuntimeException ex) {
			log.warn("Outbox relay failed, retrying in {}: {}", this.properties.retryInterval(), ex.getMessage());
			return Round.FAILED;
		}
	}

	private long safeBacklog() {
		try {
			return backlog();
		}
		catch (RuntimeException ex) {
			return -1;
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
				this.worker.join(this.properties.drainTimeout().toMillis() + 2000);
				// still blocked in a send (broker unreachable): unsent events stay in the
				// outbox
				synchronized (this.kafkaWait) {
					if (this.waitingOnKafka) {
						this.worker.interrupt();
					}
				}
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

	/**
	 * Stop late: after the listener containers ({@code DEFAULT_PHASE - 100}) and the web
	 * server's graceful shutdown ({@code DEFAULT_PHASE - 1024}) have finished the work in
	 * flight, whose events the relay then drains. Lifecycle beans stop in descending
	 * phase order.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	@FunctionalInterface
	private interface KafkaCall<T> {

		T call() throws InterruptedException, ExecutionException, TimeoutException;

	}

	private record InFlight(PendingEvent event, CompletableFuture<SendResult<String, byte[]>> send) {
	}

	private record Round(int handled, boolean failed) {

		static final Round EMPTY = new Round(0, false);

		static final Round FAILED = new Round(0, true);

	}

}
