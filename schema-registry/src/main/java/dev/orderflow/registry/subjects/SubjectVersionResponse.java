package dev.orderflow.registry.subjects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.orderflow.registry.store.SchemaVersion;
import dev.orderflow.schemaregistry.rules.Metadata;
import dev.orderflow.schemaregistry.rules.RuleSet;

/**
 * A subject version as Confluent renders it; {@code schemaType} is omitted for AVRO, and
 * {@code metadata} and {@code ruleSet} when the version has none, as Confluent does.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "subject", "version", "id", "schema", "metadata", "ruleSet" })
public record SubjectVersionResponse(String subject, int version, int id, String schema, Metadata metadata,
		RuleSet ruleSet) {

	public static SubjectVersionResponse of(SchemaVersion version) {
		return new SubjectVersionResponse(version.subject(), version.version(), version.id(), version.schema(),
				version.metadata(), version.ruleSet());
	}

}
