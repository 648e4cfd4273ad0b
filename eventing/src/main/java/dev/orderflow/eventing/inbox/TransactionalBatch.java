package dev.orderflow.eventing.inbox;

import java.util.List;
import java.util.function.Consumer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;

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
 * Applies all the records of one poll in <em>one</em> database transaction, each record in a
 * savepoint of its own.
 * <p>
 * Why: a transaction per record means a commit per record, and on H2 every commit of a
 * service (its HTTP requests included) queues on one store lock; docs/performance.md measured
 * that queue as two thirds of a saga's time. A batch of records shares one commit.
 * <p>
 * What stays the same as with a record listener:
 * <ul>
 * <li>each record is still an idempotent consumer: the handler asks {@link ProcessedEvents}
 * inside the record's savepoint, so effect and inbox row commit or roll back together;</li>
 * <li>a record that fails (or could not be deserialized) is rolled back to its savepoint, the
 * records before it commit, and a {@link BatchListenerFailedException} names it, so Spring
 * Kafka's {@code DefaultErrorHandler} commits the offsets before it, retries from it, and finally
 * sends just that record to its dead-letter topic;</li>
 * <li>each record gets the listener observation Spring Kafka gives record listeners (its span
 * continues the producer's trace from the record's headers, and it is timed as
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
	 * @throws BatchListenerFailedException naming the first record that failed, after the ones
	 * before it have committed
	 */
	public void apply(String listenerId, List<? extends ConsumerRecord<?, ?>> records, Consumer<Object> handler) {
		Failure failure = this.batch.execute((status) -> applyUntilFailure(listenerId, records, handler));
		if (failure != null) {
			throw new BatchListenerFailedException("Record " + failure.record().topic() + "-"
					+ failure.record().partition() + "@" + failure.record().offset() + " failed",
					failure.cause(), failure.record());
		}
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
	}

}
