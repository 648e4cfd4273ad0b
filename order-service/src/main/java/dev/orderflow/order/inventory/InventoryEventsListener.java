package dev.orderflow.order.inventory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.orderflow.eventing.inbox.ProcessedEvents;
import dev.orderflow.eventing.inbox.TransactionalBatch;
import dev.orderflow.events.StockRejected;
import dev.orderflow.events.StockReleased;
import dev.orderflow.events.StockReserved;
import dev.orderflow.order.OrderService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Listens to inventory's answers. Kafka delivers at least once, so each event is first
 * recorded in the inbox in the same transaction as its effect: a redelivery finds it
 * recorded and changes nothing.
 * <p>
 * A batch listener: the records of one poll share one database transaction
 * ({@link TransactionalBatch}, each record in a savepoint), because a commit per record
 * made this listener the saga's bottleneck (docs/performance.md).
 */
@Component
class InventoryEventsListener {

	static final String CONSUMER = "order-service";

	static final String LISTENER_ID = "order-service-inventory";

	private static final Logger logger = LoggerFactory.getLogger(InventoryEventsListener.class);

	private final OrderService orderService;

	private final ProcessedEvents processedEvents;

	private final TransactionalBatch batch;

	InventoryEventsListener(OrderService orderService, ProcessedEvents processedEvents, TransactionalBatch batch) {
		this.orderService = orderService;
		this.processedEvents = processedEvents;
		this.batch = batch;
	}

	@KafkaListener(id = LISTENER_ID, topics = "inventory", groupId = CONSUMER, batch = "true")
	void onPoll(List<ConsumerRecord<String, Object>> records) {
		this.batch.apply(LISTENER_ID, records, this::on);
	}

	void on(Object event) {
		if (event instanceof StockReserved reserved) {
			if (firstDelivery(reserved.getEventId(), reserved.getOrderId())) {
				orderId(reserved.getOrderId(), reserved.getEventId())
					.ifPresent((orderId) -> this.orderService.stockReserved(orderId, reserved.getEventId()));
			}
		}
		else if (event instanceof StockRejected rejected) {
			if (firstDelivery(rejected.getEventId(), rejected.getOrderId())) {
				orderId(rejected.getOrderId(), rejected.getEventId()).ifPresent((orderId) -> this.orderService
					.stockRejected(orderId, rejected.getEventId(), rejected.getReason()));
			}
		}
		else if (event instanceof StockReleased released) {
			if (firstDelivery(released.getEventId(), released.getOrderId())) {
				orderId(released.getOrderId(), released.getEventId())
					.ifPresent((orderId) -> this.orderService.stockReleased(orderId, released.getEventId()));
			}
		}
		else {
			// an event type added to the topic later must not stop the consumer
			logger.debug("Ignoring {} on topic inventory",
					(event != null) ? event.getClass().getName() : "a tombstone");
		}
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
