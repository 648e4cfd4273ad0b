/**
 * The schema registry server: Confluent's REST API v1 over a Kafka-backed store.
 */
package dev.orderflow.registry;
