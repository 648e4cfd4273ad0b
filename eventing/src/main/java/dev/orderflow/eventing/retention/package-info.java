/**
 * Retention of what the saga keeps about settled orders (ADR 0021): off by default, so
 * orders, reservations and notifications are kept for good; when
 * {@code orderflow.retention.settled-orders} is set,
 * {@link dev.orderflow.eventing.retention.SettledRecordsPurge} deletes each service's
 * {@link dev.orderflow.eventing.retention.SettledRecords} once they are that old.
 */
package dev.orderflow.eventing.retention;
