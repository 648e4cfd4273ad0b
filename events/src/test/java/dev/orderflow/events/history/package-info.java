/**
 * The build's schema evolution gate: the released history of every event schema and the
 * check that the current {@code .avsc} files may follow it.
 */
package dev.orderflow.events.history;
