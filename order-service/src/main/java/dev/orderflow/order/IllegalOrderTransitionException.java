package dev.orderflow.order;

import java.util.UUID;

/**
 * Thrown by {@link Order} when asked for a transition its current status does not allow,
 * e.g. cancelling a rejected order.
 */
public class IllegalOrderTransitionException extends RuntimeException {

	private final UUID orderId;

	private final OrderStatus status;

	IllegalOrderTransitionException(UUID orderId, OrderStatus status, String attempted) {
		super("Order " + orderId + " is " + status + " and cannot be " + attempted);
		this.orderId = orderId;
		this.status = status;
	}

	public UUID orderId() {
		return this.orderId;
	}

	public OrderStatus status() {
		return this.status;
	}

}
