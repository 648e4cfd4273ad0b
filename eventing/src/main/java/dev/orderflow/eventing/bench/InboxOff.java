package dev.orderflow.eventing.bench;

import java.time.Clock;
import java.util.UUID;

import dev.orderflow.eventing.inbox.ProcessedEvents;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inbox switched off ({@code orderflow.bench.inbox-off}, bench only): every delivery
 * counts as the first, and nothing is written to or read from {@code processed_event}.
 * What a consumer that is not idempotent does, and what it risks: an event Kafka or the
 * outbox delivers twice is applied twice (stock reserved twice, a second e-mail).
 */
class InboxOff extends ProcessedEvents {

	/**
	 * The inbox's own collaborators are handed to its constructor only because it
	 * requires them; {@link #firstDelivery} overrides the one method that would use them.
	 */
	InboxOff(JdbcClient jdbc, Clock clock) {
		super(jdbc, clock);
	}

	@Override
	public boolean firstDelivery(String consumer, UUID eventId) {
		return true;
	}

}
