package dev.orderflow.eventing.deadletter;

/**
 * No dead letter of this service has that id.
 */
public class DeadLetterNotFoundException extends RuntimeException {

	public DeadLetterNotFoundException(String id) {
		super("no dead letter " + id + " on this service's dead-letter topics");
	}

}
