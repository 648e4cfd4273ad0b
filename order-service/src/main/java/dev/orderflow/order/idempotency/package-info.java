/**
 * Idempotent order placement: a client that retries {@code POST /api/orders} with the
 * same {@code Idempotency-Key} gets the order its first attempt created, not a second
 * one.
 */
package dev.orderflow.order.idempotency;
