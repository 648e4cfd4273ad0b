package dev.orderflow.notification.saga;

import dev.orderflow.events.OrderCancelled;
import dev.orderflow.events.OrderConfirmed;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.OrderRejected;
import dev.orderflow.notification.NotificationService;
import dev.orderflow.notification.owner.OrderOwners;
import org.apache.avro.generic.GenericRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the order-service's events: every one goes to the live timeline, and the outcomes
 * (confirmed, rejected, cancelled) are notified to the customer. A placed order is not:
 * the customer just placed it.
 */
@Component
@KafkaListener(topics = "${orderflow.topics.orders:orders}")
class OrderEventsListener {

	private static final String SOURCE = "order-service";

	private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

	private final NotificationService notifications;

	private final ApplicationEventPublisher timeline;

	private final OrderOwners owners;

	OrderEventsListener(NotificationService notifications, ApplicationEventPublisher timeline, OrderOwners owners) {
		this.notifications = notifications;
		this.timeline = timeline;
		this.owners = owners;
	}

	// the only event naming the customer: remembered so that customers see only their own
	// orders
	@KafkaHandler
	void on(OrderPlaced event) {
		this.owners.record(event.getOrderId().toString(), event.getCustomerId().toString());
		seen(event);
	}

	@KafkaHandler
	void on(OrderConfirmed event) {
		seen(event);
		this.notifications.orderConfirmed(event);
	}

	@KafkaHandler
	void on(OrderRejected event) {
		seen(event);
		this.notifications.orderRejected(event);
	}

	@KafkaHandler
	void on(OrderCancelled event) {
		seen(event);
		this.notifications.orderCancelled(event);
	}

	// A type added to the topic after this service was built: show it, notify nobody.
	@KafkaHandler(isDefault = true)
	void onOther(Object event) {
		if (event instanceof GenericRecord record) {
			seen(record);
		}
		else {
			log.warn("Ignoring a record of unexpected type {} on the orders topic", event.getClass().getName());
		}
	}

	// Announced before it is handled, so the timeline shows the event even if the e-mail
	// fails.
	private void seen(GenericRecord event) {
		this.timeline.publishEvent(OrderEventSeen.of(event, SOURCE));
	}

}
