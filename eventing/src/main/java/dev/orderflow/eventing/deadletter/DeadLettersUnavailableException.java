package dev.orderflow.eventing.deadletter;

/**
 * Kafka did not answer in time, so the dead letters cannot be read or replayed right now.
 */
public class DeadLettersUnavailableException extends RuntimeException {

	public DeadLettersUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
