package dev.orderflow.eventing.deadletter;

/**
 * The dead letter was replayed before; replaying it again would publish it twice.
 */
public class DeadLetterAlreadyReplayedException extends RuntimeException {

	public DeadLetterAlreadyReplayedException(DeadLetterId id) {
		super("dead letter " + id + " was already replayed");
	}

}
