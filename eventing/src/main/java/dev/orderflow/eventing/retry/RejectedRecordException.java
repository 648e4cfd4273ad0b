package dev.orderflow.eventing.retry;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * A poll stopped at {@link #getRecord() this record} because the record itself failed (it
 * could not be read, or the handler rejected it): the records before it committed, and
 * the error handler retries it briefly, then sends it to its dead-letter topic.
 */
public class RejectedRecordException extends BatchListenerFailedException {

	public RejectedRecordException(String message, Throwable cause, ConsumerRecord<?, ?> record) {
		super(message, cause, record);
	}

}
