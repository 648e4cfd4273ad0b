package dev.orderflow.eventing.deadletter;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import dev.orderflow.eventing.retry.Dependency;
import dev.orderflow.eventing.retry.TransientBatchFailureException;
import dev.orderflow.eventing.retry.TransientFailures;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Spring Kafka's {@link DefaultErrorHandler} with orderflow's classification (ADR 0009):
 * a transient failure ({@link TransientFailures}) is retried with exponential backoff for
 * as long as it lasts and never recovered; bytes that cannot be deserialized while the
 * registry answers are dead-lettered at once; any other failure is retried within the
 * short budget of {@link DeadLetterProperties}, then dead-lettered.
 * <p>
 * Retries are blocking: the consumer sleeps between attempts, seeks back to the failed
 * record and polls it again, so nothing after it on its partition is skipped, and every
 * partition that consumer owns waits with it.
 */
class ConsumerErrorHandler extends DefaultErrorHandler {

	private static final BackOff NO_RETRIES = new FixedBackOff(0, 0);

	ConsumerErrorHandler(ConsumerRecordRecoverer recoverer, DeadLetterProperties retry) {
		// the default back-off is the unlimited one: Spring Kafka skips the back-off
		// function
		// altogether when the default allows no retry, which would dead-letter transient
		// failures
		super(recoverer, waiting(retry));
		// decided below by the cause: an unreachable registry is transient, unreadable
		// bytes are not
		removeClassification(DeserializationException.class);
		BackOff ownFailure = ownFailure(retry);
		setBackOffFunction((record, failure) -> {
			if (TransientFailures.isTransient(failure)) {
				return null;
			}
			return unreadable(failure) ? NO_RETRIES : ownFailure;
		});
	}

	/**
	 * A batch listener that throws anything but a {@link BatchListenerFailedException}
	 * would go to Spring Kafka's fallback, which retries the whole poll and then
	 * dead-letters every record of it. No record is to blame for such a failure: retry
	 * the poll from its first record instead, for as long as it takes.
	 */
	@Override
	public void handleBatch(Exception thrownException, ConsumerRecords<?, ?> data, Consumer<?, ?> consumer,
			MessageListenerContainer container, Runnable invokeListener) {
		super.handleBatch(blamingNoRecord(thrownException, data), data, consumer, container, invokeListener);
	}

	@Override
	public <K, V> ConsumerRecords<K, V> handleBatchAndReturnRemaining(Exception thrownException,
			ConsumerRecords<?, ?> data, Consumer<?, ?> consumer, MessageListenerContainer container,
			Runnable invokeListener) {
		return super.handleBatchAndReturnRemaining(blamingNoRecord(thrownException, data), data, consumer, container,
				invokeListener);
	}

	private static Exception blamingNoRecord(Exception thrown, ConsumerRecords<?, ?> data) {
		if (data.isEmpty() || names(thrown)) {
			return thrown;
		}
		return new TransientBatchFailureException("A batch listener failed outside any record; retrying the poll",
				thrown, data.iterator().next(), Dependency.POLL);
	}

	private static boolean names(Throwable thrown) {
		return inChain(thrown, BatchListenerFailedException.class);
	}

	private static boolean unreadable(Throwable failure) {
		return inChain(failure, DeserializationException.class);
	}

	private static boolean inChain(Throwable failure, Class<? extends Throwable> type) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
			if (type.isInstance(current)) {
				return true;
			}
		}
		return false;
	}

	private static BackOff waiting(DeadLetterProperties retry) {
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.transientMaxInterval().toMillis());
		backOff.setMaxAttempts(Integer.MAX_VALUE);
		backOff.setMaxElapsedTime(Long.MAX_VALUE);
		return backOff;
	}

	private static BackOff ownFailure(DeadLetterProperties retry) {
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		backOff.setMaxAttempts(Math.max(0, retry.maxAttempts() - 1));
		return backOff;
	}

}
