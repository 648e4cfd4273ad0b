/**
 * Delivery mechanics shared by the orderflow services: the transactional {@code outbox},
 * the {@code inbox} of processed events and the {@code deadletter} error handling. A
 * service gets all three by depending on this module (Spring Boot auto-configuration).
 */
package dev.orderflow.eventing;
