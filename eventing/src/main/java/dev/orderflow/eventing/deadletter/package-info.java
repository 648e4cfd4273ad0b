/**
 * Retries and dead letters: a record whose processing keeps failing, or whose bytes cannot be
 * deserialized at all, goes to {@code <topic>.DLT} and the consumer carries on.
 */
package dev.orderflow.eventing.deadletter;
