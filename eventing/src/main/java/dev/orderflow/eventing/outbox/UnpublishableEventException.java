package dev.orderflow.eventing.outbox;

/**
 * An outbox event that no retry can publish: the relay sets it aside with this message as
 * the reason.
 */
class UnpublishableEventException extends RuntimeException {

	UnpublishableEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
