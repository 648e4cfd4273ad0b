/**
 * Transactional outbox: {@link dev.orderflow.eventing.outbox.Outbox} stores an event in
 * the same database transaction as the change that caused it;
 * {@link dev.orderflow.eventing.outbox.OutboxRelay} publishes stored events to Kafka in
 * order, so nothing is lost between commit and publish.
 */
package dev.orderflow.eventing.outbox;
