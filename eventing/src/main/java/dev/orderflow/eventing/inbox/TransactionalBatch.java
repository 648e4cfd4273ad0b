package dev.orderflow.eventing.inbox;

import java.util.List;
import java.util.function.Consumer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;

import dev.orderflow.eventing.retry.Dependency;
import dev.orderflow.eventing.retry.RejectedRecordException;
import dev.orderflow.eventing.retry.TransientBatchFailureException;
import dev.orderflow.eventing.retry.TransientFailures;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies all the records of one poll in <em>one</em> database transaction, each record
 * in a savepoint of its own.
 * <p>
 * Why: a transaction per record means a commit per record, and on H2 every commit of a
 * service (its HTTP requests included) queues on one store lock; docs/performance.md
 * measured that queue as two thirds of a saga's time. A batch of records shares one
 * commit.
 * <p>
 * What stays the same as with a record listener:
 * <ul>
 * <li>each record is still an idempotent consumer: the handler asks
 * {@link ProcessedEvents} inside the record's savepoint, so effect and inbox row commit
 * or roll back together;</li>
 * <li>a record that fails (or could not be deserialized) is rolled back to its savepoint,
 * the records before it commit, and a {@link BatchListenerFailedException} names it, so
 * Spring Kafka's {@code DefaultErrorHandler} commits the offsets before it and retries
 * from it. Whether it may ever reach its dead-letter topic depends on why it failed (ADR
 * 0009): a {@link RejectedRecordException} (its own failure, e.g. unreadable bytes) does
 * after a short budget, a {@link TransientBatchFailureException} (a dependency is away,
 * e.g. the registry that should read it) never does: it is retried until the dependency
 * is back;</li>
 * <li>when the poll's transaction cannot begin or commit, no record is to blame and
 * nothing of the poll committed: a {@link TransientBatchFailureException} names the first
 * record, so the whole poll is retried, never dead-lettered;</li>
 * <li>each record gets the listener observation Spring Kafka gives record listeners (its
 * span continues the producer's trace from the record's headers, and it is timed as
 * {@code spring.kafka.listener}), and its key (the orderId) in the logging context.</li>
 * </ul>
 * Savepoints are standard JDBC: H2 and PostgreSQL both have them.
 */
public class TransactionalBatch {

	private static final LogAccessor logger = new LogAccessor(TransactionalBatch.class);

	private final TransactionTemplate batch;

	private final TransactionTemplate savepoint;

	private final ObservationRegistry observations;

	public TransactionalBatch(PlatformTransactionManager transactions, ObservationRegistry observations) {
		this.batch = new TransactionTemplate(transactions);
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.observations = observations;
	}

	/**
	 * Hands each record's value to {@code handler}, in order, in one transaction.
	 * @param listenerId the listener's id, as in {@code @KafkaListener(id = ...)}
	 * @param records the poll, as a batch listener receives it
	 * @param handler applies one event; it throws to reject the record
	 * @throws RejectedRecordException naming the first record that failed for a reason of
	 * its own, after the ones before it have committed
	 * @throws TransientBatchFailureException naming the first record that failed because
	 * a dependency is away (after the ones before it have committed), or the poll's first
	 * record when the poll's transaction could not begin or commit
	 */
	public void apply(String listenerId, List<? extends ConsumerRecord<?, ?>> records, Consumer<Object> handler) {
		if (records.isEmpty()) {
			return;
		}
		Failure failure;
		try {
			failure = this.batch.execute((status) -> applyUntilFailure(listenerId, records, handler));
		}
		catch (RuntimeException ex) {
			// applyUntilFailure catches what a record throws: this is the poll's own
			// transaction
			throw new TransientBatchFailureException("The transaction of a poll of " + records.size()
					+ " records could not begin or commit; the poll is retried from " + position(records.get(0)), ex,
					records.get(0), Dependency.POLL);
		}
		if (failure != null) {
			throw failure.exception();
		}
	}

	private static String position(ConsumerRecord<?, ?> record) {
		return record.topic() + "-" + record.partition() + "@" + record.offset();
	}

	private Failure applyUntilFailure(String listenerId, List<? extends ConsumerRecord<?, ?>> records,
			Consumer<Object> handler) {
		for (ConsumerRecord<?, ?> record : records) {
			DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
					SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logger);
			if (unreadable != null) {
				return new Failure(record, unreadable);
			}
			try {
				observe(listenerId, record,
						() -> this.savepoint.executeWithoutResult((status) -> handler.accept(record.value())));
			}
			catch (RuntimeException ex) {
				return new Failure(record, ex);
			}
		}
		return null;
	}

	private void observe(String listenerId, ConsumerRecord<?, ?> record, Runnable work) {
		String groupId = KafkaUtils.getConsumerGroupId();
		Observation observation = KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
				KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
				() -> new KafkaRecordReceiverContext(record, listenerId, listenerId, groupId, () -> null),
				this.observations);
		if (record.key() != null) {
			MDC.put("orderId", String.valueOf(record.key()));
		}
		try {
			observation.observe(work);
		}
		finally {
			MDC.remove("orderId");
		}
	}

	private record Failure(ConsumerRecord<?, ?> record, RuntimeException cause) {

		BatchListenerFailedException exception() {
			return TransientFailures.dependencyOf(this.cause)
				.<BatchListenerFailedException>map((dependency) -> new TransientBatchFailureException(
						"Record " + position(this.record) + " waits on " + dependency.tag(), this.cause, this.record,
						dependency))
				.orElseGet(() -> new RejectedRecordException("Record " + position(this.record) + " failed", this.cause,
						this.record));
		}

	}

}
