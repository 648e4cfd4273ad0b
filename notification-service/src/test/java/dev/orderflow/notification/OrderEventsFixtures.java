package dev.orderflow.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.orderflow.events.OrderCancelled;
import dev.orderflow.events.OrderConfirmed;
import dev.orderflow.events.OrderLine;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.OrderRejected;
import dev.orderflow.events.StockReserved;

/**
 * Small factories of saga events for tests.
 */
public final class OrderEventsFixtures {

	public static final Instant OCCURRED_AT = Instant.parse("2025-03-14T09:26:53Z");

	private OrderEventsFixtures() {
	}

	public static String newOrderId() {
		return UUID.randomUUID().toString();
	}

	public static List<OrderLine> twoLines() {
		return List.of(line("SKU-001", 2), line("SKU-042", 1));
	}

	public static OrderLine line(String sku, int quantity) {
		return OrderLine.newBuilder().setSku(sku).setQuantity(quantity).build();
	}

	public static OrderPlaced placed(String orderId, String email) {
		return OrderPlaced.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(orderId)
			.setOccurredAt(OCCURRED_AT)
			.setCustomerId("cust-1")
			.setCustomerEmail(email)
			.setLines(twoLines())
			.build();
	}

	public static OrderConfirmed confirmed(String orderId, String email) {
		return OrderConfirmed.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(orderId)
			.setOccurredAt(OCCURRED_AT)
			.setCustomerEmail(email)
			.setLines(twoLines())
			.build();
	}

	public static OrderRejected rejected(String orderId, String email, String reason) {
		return OrderRejected.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(orderId)
			.setOccurredAt(OCCURRED_AT)
			.setCustomerEmail(email)
			.setReason(reason)
			.build();
	}

	public static OrderCancelled cancelled(String orderId, String email) {
		return OrderCancelled.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(orderId)
			.setOccurredAt(OCCURRED_AT)
			.setCustomerEmail(email)
			.setPreviousStatus("CONFIRMED")
			.build();
	}

	public static StockReserved reserved(String orderId) {
		return StockReserved.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(orderId)
			.setOccurredAt(OCCURRED_AT)
			.setLines(twoLines())
			.build();
	}

}
