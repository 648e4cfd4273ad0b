package dev.orderflow.order;

import java.util.List;
import java.util.UUID;

import dev.orderflow.events.OrderCancelled;
import dev.orderflow.events.OrderConfirmed;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.OrderRejected;

/**
 * Turns the facts of an {@link Order} into the Avro events order-service publishes on the
 * {@value #TOPIC} topic, keyed by order id so that one order's events stay in order.
 */
final class OrderEvents {

	static final String TOPIC = "orders";

	private OrderEvents() {
	}

	static OrderPlaced placed(Order order) {
		return OrderPlaced.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(order.id().toString())
			.setOccurredAt(order.createdAt())
			.setCustomerId(order.customerId())
			.setCustomerEmail(order.customerEmail())
			.setLines(lines(order))
			.build();
	}

	static OrderConfirmed confirmed(Order order) {
		return OrderConfirmed.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(order.id().toString())
			.setOccurredAt(order.updatedAt())
			.setCustomerEmail(order.customerEmail())
			.setLines(lines(order))
			.build();
	}

	static OrderRejected rejected(Order order) {
		return OrderRejected.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(order.id().toString())
			.setOccurredAt(order.updatedAt())
			.setCustomerEmail(order.customerEmail())
			.setReason(order.reason())
			.build();
	}

	/**
	 * The cancel request; the order still shows the status it had when the cancel came.
	 */
	static OrderCancelled cancelRequested(Order order) {
		return OrderCancelled.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(order.id().toString())
			.setOccurredAt(order.updatedAt())
			.setCustomerEmail(order.customerEmail())
			.setPreviousStatus(order.status().name())
			.build();
	}

	private static List<dev.orderflow.events.OrderLine> lines(Order order) {
		return order.lines()
			.stream()
			.map((line) -> new dev.orderflow.events.OrderLine(line.sku(), line.quantity()))
			.toList();
	}

}
