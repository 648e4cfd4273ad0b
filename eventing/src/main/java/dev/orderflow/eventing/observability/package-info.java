/**
 * Observability of the delivery mechanics shared by the services: health checks of the
 * Kafka broker and the schema registry, what the consumers are retrying and why, outbox
 * and dead-letter meters, and the trace context that the outbox carries from the
 * transaction that stored an event to the thread that publishes it.
 */
package dev.orderflow.eventing.observability;
