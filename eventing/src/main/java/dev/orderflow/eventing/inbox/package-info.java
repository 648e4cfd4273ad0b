/**
 * Idempotent consumers: {@link dev.orderflow.eventing.inbox.ProcessedEvents} remembers
 * which events a consumer has applied, in the same transaction as their effect.
 */
package dev.orderflow.eventing.inbox;
