package dev.orderflow.eventing.retention;

import java.time.Instant;
import java.util.List;

/**
 * What one service keeps about settled orders, and how to delete it: the orders and their
 * lines, history and idempotency keys in order-service, the reservations in
 * inventory-service, the notifications and order owners in notification-service. Each
 * service declares its own; {@link SettledRecordsPurge} calls them.
 */
public interface SettledRecords {

	/** A name for logs and the {@code orderflow.retention.purged} counter's tag. */
	String name();

	/**
	 * Up to {@code limit} keys of records that settled before {@code cutoff}, oldest
	 * first. Runs in a transaction of its own.
	 */
	List<String> settledBefore(Instant cutoff, int limit);

	/**
	 * Deletes the records with these keys, and what belongs to them, that are still
	 * settled before {@code cutoff} (one may have changed since it was found). Runs in a
	 * transaction of its own; another instance may have deleted some of them already.
	 * @return how many of the keys it deleted
	 */
	int delete(List<String> keys, Instant cutoff);

	/**
	 * Whether these records must also outlive every redelivery of the events that change
	 * them: true in the services downstream of order-service, where an event about an
	 * order (a cancel requested just before order-service deleted the order) can still
	 * arrive after the order settled there. They are kept for the inbox's retention
	 * (which covers every redelivery, ADR 0015) on top of the settled-order retention.
	 */
	default boolean outlivesRedeliveries() {
		return false;
	}

}
