package dev.orderflow.notification.saga;

import org.apache.avro.generic.GenericRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the inventory-service's events for the live timeline only: customers hear about
 * the outcome from the order events that follow, not about stock.
 */
@Component
@KafkaListener(topics = "${orderflow.topics.inventory:inventory}")
class InventoryEventsListener {

	private static final String SOURCE = "inventory-service";

	private static final Logger log = LoggerFactory.getLogger(InventoryEventsListener.class);

	private final ApplicationEventPublisher timeline;

	InventoryEventsListener(ApplicationEventPublisher timeline) {
		this.timeline = timeline;
	}

	@KafkaHandler(isDefault = true)
	void on(Object event) {
		if (event instanceof GenericRecord record) {
			this.timeline.publishEvent(OrderEventSeen.of(record, SOURCE));
		}
		else {
			log.warn("Ignoring a record of unexpected type {} on the inventory topic", event.getClass().getName());
		}
	}

}
