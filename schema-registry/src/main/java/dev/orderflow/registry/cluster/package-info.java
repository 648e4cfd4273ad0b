/**
 * Several registry instances on one {@code _schemas} topic: followers forward writes to
 * the leader elected through Kafka, and {@code /v1/metadata} tells operators who leads.
 */
package dev.orderflow.registry.cluster;
