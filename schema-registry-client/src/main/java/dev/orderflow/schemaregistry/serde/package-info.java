/**
 * Kafka Avro serializer and deserializer in Confluent's wire format (magic byte 0, 4-byte
 * schema id, Avro binary), configured with Confluent's keys so either implementation can
 * be swapped in by configuration alone.
 */
package dev.orderflow.schemaregistry.serde;
