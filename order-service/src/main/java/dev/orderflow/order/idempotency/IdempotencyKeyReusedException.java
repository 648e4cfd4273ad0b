package dev.orderflow.order.idempotency;

/**
 * The client sent an {@code Idempotency-Key} it already used with a different request.
 */
public class IdempotencyKeyReusedException extends RuntimeException {

	public IdempotencyKeyReusedException(String key) {
		super("Idempotency-Key '" + key + "' was already used with a different request");
	}

}
