package dev.orderflow.registry.store;

import dev.orderflow.schemaregistry.rules.DataContract;
import dev.orderflow.schemaregistry.rules.Metadata;
import dev.orderflow.schemaregistry.rules.RuleSet;

/**
 * What a global id names, as on Confluent's registry since data contracts: the schema
 * text together with its metadata and rule set. The same schema with other rules is
 * another registered schema, with an id of its own.
 */
public record RegisteredSchema(String schema, Metadata metadata, RuleSet ruleSet) {

	public RegisteredSchema {
		DataContract contract = new DataContract(metadata, ruleSet);
		metadata = contract.metadata();
		ruleSet = contract.ruleSet();
	}

	public RegisteredSchema(String schema, DataContract contract) {
		this(schema, contract.metadata(), contract.ruleSet());
	}

}
