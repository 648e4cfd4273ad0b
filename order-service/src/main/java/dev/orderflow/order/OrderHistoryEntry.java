package dev.orderflow.order;

import java.time.Instant;

/**
 * One step in an order's life: either a new {@code status} or a noteworthy {@code event}
 * that did not change the status (such as a cancel request), with its {@code source}.
 */
public record OrderHistoryEntry(OrderStatus status, String event, Instant at, String source) {

	/** The customer acted through the HTTP API. */
	public static final String API = "api";

	/** inventory-service answered on the {@code inventory} topic. */
	public static final String INVENTORY = "inventory";

	/**
	 * The outbox relay set one of the order's events aside: it could never be published.
	 */
	public static final String OUTBOX = "outbox";

	static OrderHistoryEntry status(OrderStatus status, Instant at, String source) {
		return new OrderHistoryEntry(status, null, at, source);
	}

	static OrderHistoryEntry event(String event, Instant at, String source) {
		return new OrderHistoryEntry(null, event, at, source);
	}

}
