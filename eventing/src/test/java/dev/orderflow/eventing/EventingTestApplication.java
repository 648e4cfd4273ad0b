package dev.orderflow.eventing;

import java.net.ConnectException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.ObservationRegistry;

import dev.orderflow.eventing.inbox.ProcessedEvents;
import dev.orderflow.eventing.inbox.TransactionalBatch;
import dev.orderflow.events.OrderPlaced;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** A minimal application that uses the eventing module the way the services do. */
@SpringBootApplication
class EventingTestApplication {

	/**
	 * Listens to the test topic and fails on demand, to exercise retries and dead
	 * letters.
	 */
	@Component
	static class RecordingListener {

		final List<OrderPlaced> received = new CopyOnWriteArrayList<>();

		@KafkaListener(topics = EventingIntegrationTest.TOPIC, groupId = "eventing-test")
		void on(OrderPlaced event) {
			if (event.getCustomerId().equals("always-fails")) {
				throw new IllegalStateException("cannot process order " + event.getOrderId());
			}
			this.received.add(event);
		}

	}

	/**
	 * Listens to the replay test topic and fails while {@link #broken}, like a consumer
	 * with a bug that is then fixed: what it dead-lettered meanwhile can be replayed.
	 */
	@Component
	static class FixableListener {

		final List<OrderPlaced> received = new CopyOnWriteArrayList<>();

		volatile boolean broken;

		@KafkaListener(topics = AbstractEventingIntegrationTest.REPLAY_TOPIC, groupId = "eventing-replay-test")
		void on(OrderPlaced event) {
			if (this.broken) {
				throw new IllegalStateException("listener is broken, cannot process order " + event.getOrderId());
			}
			this.received.add(event);
		}

	}

	/**
	 * Listeners that meet transient failures: a database, a registry, an SMTP server away
	 * for a while (until the instant a test sets), and a poll whose commit fails a number
	 * of times. Each counts an event as applied only once its transaction committed.
	 */
	@Component
	static class WaitingListeners {

		static final String DATABASE = "eventing-database-outage-test";

		static final String REGISTRY = "eventing-registry-outage-test";

		static final String COMMIT = "eventing-commit-failure-test";

		static final String MAIL = "eventing-mail-outage-test";

		final List<OrderPlaced> applied = new CopyOnWriteArrayList<>();

		volatile Instant databaseDownUntil = Instant.MIN;

		volatile Instant mailDownUntil = Instant.MIN;

		final AtomicInteger commitsToFail = new AtomicInteger();

		private final TransactionalBatch batch;

		private final TransactionalBatch failingCommits;

		private final ProcessedEvents processedEvents;

		WaitingListeners(TransactionalBatch batch, PlatformTransactionManager transactions,
				ProcessedEvents processedEvents) {
			this.batch = batch;
			this.failingCommits = new TransactionalBatch(new FailingCommits(transactions, this.commitsToFail),
					ObservationRegistry.NOOP);
			this.processedEvents = processedEvents;
		}

		@KafkaListener(id = DATABASE, topics = DATABASE, groupId = DATABASE, batch = "true")
		void onDatabaseOutage(List<ConsumerRecord<String, Object>> records) {
			this.batch.apply(DATABASE, records, (event) -> {
				if (Instant.now().isBefore(this.databaseDownUntil)) {
					throw new DataAccessResourceFailureException("database unavailable (test)");
				}
				applyOnce(DATABASE, (OrderPlaced) event);
			});
		}

		@KafkaListener(id = REGISTRY, topics = REGISTRY, groupId = REGISTRY, batch = "true",
				properties = "spring.deserializer.value.delegate.class=dev.orderflow.eventing.FlakyRegistryDeserializer")
		void onRegistryOutage(List<ConsumerRecord<String, Object>> records) {
			this.batch.apply(REGISTRY, records, (event) -> applyOnce(REGISTRY, (OrderPlaced) event));
		}

		@KafkaListener(id = COMMIT, topics = COMMIT, groupId = COMMIT, batch = "true")
		void onCommitFailure(List<ConsumerRecord<String, Object>> records) {
			this.failingCommits.apply(COMMIT, records, (event) -> applyOnce(COMMIT, (OrderPlaced) event));
		}

		/**
		 * A record listener, as notification-service's, whose server refuses connections
		 * (tagged {@code network}; notification-service tags its SMTP server's failures
		 * {@code mail} itself).
		 */
		@KafkaListener(id = MAIL, topics = MAIL, groupId = MAIL)
		void onMailOutage(OrderPlaced event) {
			if (Instant.now().isBefore(this.mailDownUntil)) {
				throw new IllegalStateException("Mail server connection failed (test)",
						new ConnectException("Connection refused"));
			}
			this.applied.add(event);
		}

		private void applyOnce(String consumer, OrderPlaced event) {
			if (this.processedEvents.firstDelivery(consumer, event.getEventId())) {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						WaitingListeners.this.applied.add(event);
					}
				});
			}
		}

	}

	/**
	 * Fails the commit of a poll's transaction (rolling it back) as many times as it is
	 * told.
	 */
	static class FailingCommits implements PlatformTransactionManager {

		private final PlatformTransactionManager delegate;

		private final AtomicInteger toFail;

		FailingCommits(PlatformTransactionManager delegate, AtomicInteger toFail) {
			this.delegate = delegate;
			this.toFail = toFail;
		}

		@Override
		public TransactionStatus getTransaction(TransactionDefinition definition) {
			return this.delegate.getTransaction(definition);
		}

		@Override
		public void commit(TransactionStatus status) {
			if (status.isNewTransaction() && this.toFail.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				this.delegate.rollback(status);
				throw new TransactionSystemException("Could not commit JDBC transaction (test)");
			}
			this.delegate.commit(status);
		}

		@Override
		public void rollback(TransactionStatus status) {
			this.delegate.rollback(status);
		}

	}

	/**
	 * A batch listener the way order-service and inventory-service use one: a poll in one
	 * transaction through {@link TransactionalBatch}. Its effect is the inbox row, so a
	 * test can see what committed; it fails on demand after writing it, so the row must
	 * roll back.
	 */
	@Component
	static class BatchListener {

		static final String CONSUMER = "eventing-batch-test";

		final List<OrderPlaced> applied = new CopyOnWriteArrayList<>();

		private final TransactionalBatch batch;

		private final ProcessedEvents processedEvents;

		BatchListener(TransactionalBatch batch, ProcessedEvents processedEvents) {
			this.batch = batch;
			this.processedEvents = processedEvents;
		}

		@KafkaListener(id = CONSUMER, topics = TransactionalBatchIntegrationTest.TOPIC, groupId = CONSUMER,
				batch = "true")
		void onPoll(List<ConsumerRecord<String, Object>> records) {
			this.batch.apply(CONSUMER, records, (event) -> {
				OrderPlaced placed = (OrderPlaced) event;
				if (this.processedEvents.firstDelivery(CONSUMER, placed.getEventId())) {
					if (placed.getCustomerId().equals("always-fails")) {
						throw new IllegalStateException("cannot process order " + placed.getOrderId());
					}
					this.applied.add(placed);
				}
			});
		}

	}

}
