package dev.orderflow.registry.schemas;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.orderflow.schemaregistry.rules.DataContract;
import dev.orderflow.schemaregistry.rules.Metadata;
import dev.orderflow.schemaregistry.rules.RuleSet;

/**
 * The body of register, lookup and compatibility requests, as Confluent's clients send
 * it. {@code id} and {@code version} are honoured only in IMPORT mode; {@code metadata}
 * and {@code ruleSet} are the data contract registered with the schema.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchemaRequest(String schema, String schemaType, List<Object> references, Integer id, Integer version,
		Metadata metadata, RuleSet ruleSet) {

	public SchemaRequest(String schema, String schemaType, List<Object> references, Integer id, Integer version) {
		this(schema, schemaType, references, id, version, null, null);
	}

	/**
	 * Whether the request brings any metadata or rules; without, it matches a version
	 * whatever its contract.
	 */
	public boolean hasContract() {
		return this.metadata != null || this.ruleSet != null;
	}

	public DataContract contract() {
		return new DataContract(this.metadata, this.ruleSet);
	}

}
