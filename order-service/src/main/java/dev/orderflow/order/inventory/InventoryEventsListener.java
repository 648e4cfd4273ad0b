package dev.orderflow.order.inventory;

import java.util.Optional;
import java.util.UUID;

import dev.orderflow.eventing.inbox.ProcessedEvents;
import dev.orderflow.events.StockRejected;
import dev.orderflow.events.StockReleased;
import dev.orderflow.events.StockReserved;
import dev.orderflow.order.OrderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Listens to inventory's answers. Kafka delivers at least once, so each handler first
 * records the event id in the same transaction as its effect: a redelivery finds it
 * recorded and changes nothing.
 */
@Component
@KafkaListener(id = "order-service-inventory", topics = "inventory", groupId = InventoryEventsListener.CONSUMER)
class InventoryEventsListener {

	static final String CONSUMER = "order-service";

	private static final Logger logger = LoggerFactory.getLogger(InventoryEventsListener.class);

	private final OrderService orderService;

	private final ProcessedEvents processedEvents;

	InventoryEventsListener(OrderService orderService, ProcessedEvents processedEvents) {
		this.orderService = orderService;
		this.processedEvents = processedEvents;
	}

	@KafkaHandler
	@Transactional
	public void on(StockReserved event) {
		if (firstDelivery(event.getEventId(), event.getOrderId())) {
			orderId(event.getOrderId(), event.getEventId())
				.ifPresent((orderId) -> this.orderService.stockReserved(orderId, event.getEventId()));
		}
	}

	@KafkaHandler
	@Transactional
	public void on(StockRejected event) {
		if (firstDelivery(event.getEventId(), event.getOrderId())) {
			orderId(event.getOrderId(), event.getEventId()).ifPresent(
					(orderId) -> this.orderService.stockRejected(orderId, event.getEventId(), event.getReason()));
		}
	}

	@KafkaHandler
	@Transactional
	public void on(StockReleased event) {
		if (firstDelivery(event.getEventId(), event.getOrderId())) {
			orderId(event.getOrderId(), event.getEventId())
				.ifPresent((orderId) -> this.orderService.stockReleased(orderId, event.getEventId()));
		}
	}

	/** An event type added to the topic later must not stop the consumer. */
	@KafkaHandler(isDefault = true)
	public void onOther(Object event) {
		logger.debug("Ignoring {} on topic inventory", event.getClass().getName());
	}

	private boolean firstDelivery(UUID eventId, String orderId) {
		boolean first = this.processedEvents.firstDelivery(CONSUMER, eventId);
		if (!first) {
			logger.info("Skipping redelivered event {} for order {}", eventId, orderId);
		}
		return first;
	}

	// Only order-service makes order ids, so a malformed one cannot be one of our orders.
	private static Optional<UUID> orderId(String orderId, UUID eventId) {
		try {
			return Optional.of(UUID.fromString(orderId));
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Ignoring event {} for unknown order {}", eventId, orderId);
			return Optional.empty();
		}
	}

}
