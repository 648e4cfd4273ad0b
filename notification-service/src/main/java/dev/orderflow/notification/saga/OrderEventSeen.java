package dev.orderflow.notification.saga;

import java.time.Instant;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * One saga event as the timeline shows it, published for every event read from
 * {@code orders} and {@code inventory}. A redelivered event is seen again with the same
 * {@code eventId}, so clients drop duplicates by it.
 *
 * @param type the event's record name, e.g. {@code OrderConfirmed}
 * @param orderId the order it belongs to
 * @param eventId its unique id
 * @param occurredAt when it happened
 * @param source the service that published it, e.g. {@code order-service}
 */
public record OrderEventSeen(String type, String orderId, UUID eventId, Instant occurredAt, String source) {

	/**
	 * Reads the fields every orderflow event has. Also works for a generic record, so
	 * that an event type this service does not know yet still shows up.
	 * @param event the event
	 * @param source the service that owns the topic it came from
	 * @return what was seen
	 */
	static OrderEventSeen of(GenericRecord event, String source) {
		Object eventId = field(event, "eventId");
		Object occurredAt = field(event, "occurredAt");
		return new OrderEventSeen(event.getSchema().getName(), string(field(event, "orderId")),
				(eventId instanceof UUID uuid) ? uuid : (eventId != null) ? UUID.fromString(eventId.toString()) : null,
				(occurredAt instanceof Instant instant) ? instant
						: (occurredAt instanceof Long millis) ? Instant.ofEpochMilli(millis) : null,
				source);
	}

	private static Object field(GenericRecord event, String name) {
		Schema.Field field = event.getSchema().getField(name);
		return (field != null) ? event.get(field.pos()) : null;
	}

	private static String string(Object value) {
		return (value != null) ? value.toString() : null;
	}

}
