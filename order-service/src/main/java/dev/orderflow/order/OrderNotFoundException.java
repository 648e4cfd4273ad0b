package dev.orderflow.order;

import java.util.UUID;

/**
 * No order exists with the given id.
 */
public class OrderNotFoundException extends RuntimeException {

	private final UUID orderId;

	public OrderNotFoundException(UUID orderId) {
		super("No order with id " + orderId);
		this.orderId = orderId;
	}

	public UUID orderId() {
		return this.orderId;
	}

}
