package dev.orderflow.inventory.reservation;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.eventing.inbox.ProcessedEvents;
import dev.orderflow.events.OrderCancelled;
import dev.orderflow.events.OrderPlaced;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inventory's side of the saga: translates each order event into one call of
 * {@link ReservationService}. Each handler is an idempotent consumer: the processed-event
 * row, the stock change and the answer in the outbox commit together or not at all.
 */
@Component
@KafkaListener(id = "inventory-order-events", topics = "orders", groupId = OrderEventsListener.CONSUMER)
public class OrderEventsListener {

	static final String CONSUMER = "inventory-service";

	private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

	private final ProcessedEvents processedEvents;

	private final ReservationService reservations;

	OrderEventsListener(ProcessedEvents processedEvents, ReservationService reservations) {
		this.processedEvents = processedEvents;
		this.reservations = reservations;
	}

	@KafkaHandler
	@Transactional
	public void on(OrderPlaced event) {
		if (!processedEvents.firstDelivery(CONSUMER, event.getEventId())) {
			log.debug("Skipping redelivered OrderPlaced {} of order {}", event.getEventId(), event.getOrderId());
			return;
		}
		List<ReservationLine> lines = event.getLines()
			.stream()
			.map((line) -> new ReservationLine(line.getSku(), line.getQuantity()))
			.toList();
		reservations.reserve(event.getOrderId(), lines);
	}

	@KafkaHandler
	@Transactional
	public void on(OrderCancelled event) {
		if (!processedEvents.firstDelivery(CONSUMER, event.getEventId())) {
			log.debug("Skipping redelivered OrderCancelled {} of order {}", event.getEventId(), event.getOrderId());
			return;
		}
		reservations.cancel(event.getOrderId());
	}

	/** OrderConfirmed, OrderRejected and future order events are not inventory's business. */
	@KafkaHandler(isDefault = true)
	public void ignore(Object event) {
	}

}
