/**
 * Retries and dead letters: a record whose processing keeps failing, or whose bytes
 * cannot be deserialized at all, goes to {@code <topic>.DLT} and the consumer carries on.
 * {@link dev.orderflow.eventing.deadletter.DeadLetters} lists a service's dead letters
 * and replays them after a fix, over HTTP at {@code /api/dead-letters}.
 */
package dev.orderflow.eventing.deadletter;
