package dev.orderflow.eventing.outbox;

import java.time.Instant;

/** One row of {@code outbox_event} as the relay reads it. */
record PendingEvent(long id, String topic, String key, String type, byte[] payload, String writerSchema,
		String traceContext, Instant createdAt) {
}
