package dev.orderflow.eventing.outbox;

import java.time.Instant;

/**
 * An outbox event the relay set aside because it can never be published, with the reason.
 *
 * @param id its outbox id (ids grow in the order events were stored)
 * @param topic the topic it was meant for
 * @param key its record key (the orderId on orderflow's topics)
 * @param eventType the class name of the event
 * @param createdAt when it was stored
 * @param setAsideAt when the relay set it aside
 * @param reason why, in words an operator (and, through the service, a customer) can read
 */
public record SetAsideEvent(long id, String topic, String key, String eventType, Instant createdAt, Instant setAsideAt,
		String reason) {

	/** The event type without its package, e.g. {@code OrderPlaced}. */
	public String simpleEventType() {
		return this.eventType.substring(this.eventType.lastIndexOf('.') + 1);
	}

}
