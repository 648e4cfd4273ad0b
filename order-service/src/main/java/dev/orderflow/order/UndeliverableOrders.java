package dev.orderflow.order;

import java.util.UUID;

import dev.orderflow.eventing.outbox.SetAsideEvent;
import dev.orderflow.eventing.outbox.SetAsideListener;

import org.springframework.stereotype.Component;

/**
 * Closes an order whose event the outbox relay had to set aside (it can never be
 * published), so the customer reads a reason instead of waiting on a PENDING order
 * forever.
 */
@Component
class UndeliverableOrders implements SetAsideListener {

	private final OrderService orders;

	UndeliverableOrders(OrderService orders) {
		this.orders = orders;
	}

	@Override
	public void eventSetAside(SetAsideEvent event) {
		if (OrderEvents.TOPIC.equals(event.topic())) {
			this.orders.eventSetAside(UUID.fromString(event.key()), event.simpleEventType(), event.reason());
		}
	}

}
