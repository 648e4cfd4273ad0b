/**
 * Keeps an embedded H2 file database from growing without end when the services commit
 * with {@code WRITE_DELAY=0} (ADR 0017):
 * {@link dev.orderflow.eventing.h2.H2FileCompaction}.
 */
package dev.orderflow.eventing.h2;
