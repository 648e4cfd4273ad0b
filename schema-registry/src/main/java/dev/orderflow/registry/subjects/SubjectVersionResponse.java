package dev.orderflow.registry.subjects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.orderflow.registry.store.SchemaVersion;

/**
 * A subject version as Confluent renders it; {@code schemaType} is omitted for AVRO, as
 * Confluent does.
 */
@JsonPropertyOrder({ "subject", "version", "id", "schema" })
public record SubjectVersionResponse(String subject, int version, int id, String schema) {

	public static SubjectVersionResponse of(SchemaVersion version) {
		return new SubjectVersionResponse(version.subject(), version.version(), version.id(), version.schema());
	}

}
