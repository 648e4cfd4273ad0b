package dev.orderflow.inventory.reservation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.orderflow.events.OrderCancelled;
import dev.orderflow.events.OrderLine;
import dev.orderflow.events.OrderPlaced;

/**
 * The order events inventory consumes, for the tests that drive its listener
 * concurrently.
 */
final class OrderEventFixtures {

	private OrderEventFixtures() {
	}

	static OrderPlaced orderPlaced(String customer, List<OrderLine> lines) {
		return OrderPlaced.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(UUID.randomUUID().toString())
			.setOccurredAt(Instant.now())
			.setCustomerId(customer)
			.setCustomerEmail(customer + "@example.com")
			.setLines(lines)
			.build();
	}

	static OrderCancelled orderCancelled(String customer, String orderId, String previousStatus) {
		return OrderCancelled.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(orderId)
			.setOccurredAt(Instant.now())
			.setCustomerEmail(customer + "@example.com")
			.setPreviousStatus(previousStatus)
			.build();
	}

}
