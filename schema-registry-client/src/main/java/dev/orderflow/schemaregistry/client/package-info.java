/**
 * Clients of a Confluent-compatible schema registry: over REST, or in memory for
 * {@code mock://<scope>} URLs in tests.
 */
package dev.orderflow.schemaregistry.client;
