/**
 * What a service does when more requests need the database than it has connections: a
 * request waits briefly for one and is then answered 503 with {@code Retry-After},
 * instead of holding its thread for the pool's 30 s and failing with a 500. Kafka
 * listeners and the outbox relay keep the pool's own wait and their retries (ADR 0009).
 */
package dev.orderflow.eventing.overload;
