package dev.orderflow.schemaregistry.client;

/**
 * One registered version of a subject: its global schema id, its version within the
 * subject and the schema text, as Confluent's {@code GET
 * /subjects/{subject}/versions/{version}} returns it.
 */
public record SchemaMetadata(int id, int version, String subject, String schema) {
}
