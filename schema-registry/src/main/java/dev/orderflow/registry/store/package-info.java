/**
 * The registry's state: an in-memory view rebuilt from, and written through, the
 * compacted Kafka topic {@code _schemas} — the same design as Confluent's registry.
 */
package dev.orderflow.registry.store;
