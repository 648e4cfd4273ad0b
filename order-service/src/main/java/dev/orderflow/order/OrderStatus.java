package dev.orderflow.order;

/**
 * Where an order stands in the saga: {@code PENDING → CONFIRMED | REJECTED} and
 * {@code PENDING | CONFIRMED → CANCELLED}.
 */
public enum OrderStatus {

	/** Placed; waiting for inventory to reserve or reject the stock. */
	PENDING,

	/** Inventory reserved stock for every line. */
	CONFIRMED,

	/** Inventory could not reserve every line; nothing is held. */
	REJECTED,

	/** Cancelled by the customer and any reserved stock released. */
	CANCELLED;

	/** {@code true} when no further transition can leave this status. */
	public boolean isFinal() {
		return this == REJECTED || this == CANCELLED;
	}

}
