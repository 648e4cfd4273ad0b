package dev.orderflow.eventing.retry;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * A poll stopped at {@link #getRecord() this record} because a dependency failed, not the
 * record: the records before it committed, and the error handler retries from it for as
 * long as the dependency is away, never dead-lettering it. Also thrown, naming the poll's
 * first record, when the poll's own transaction could not begin or commit
 * ({@link Dependency#POLL}).
 * <p>
 * A type of its own (and {@link RejectedRecordException} for the other case) because
 * Spring Kafka restarts a record's retry state when the exception type changes: a record
 * that waited on the database and then fails for a reason of its own gets the short
 * budget, not an endless wait.
 */
public class TransientBatchFailureException extends BatchListenerFailedException {

	private final Dependency dependency;

	public TransientBatchFailureException(String message, Throwable cause, ConsumerRecord<?, ?> record,
			Dependency dependency) {
		super(message, cause, record);
		this.dependency = dependency;
	}

	/** What the poll waits on. */
	public Dependency dependency() {
		return this.dependency;
	}

}
