package dev.orderflow.registry.store;

import dev.orderflow.schemaregistry.rules.DataContract;
import dev.orderflow.schemaregistry.rules.Metadata;
import dev.orderflow.schemaregistry.rules.RuleSet;

/**
 * One version of a subject: which globally identified schema it holds, with the data
 * contract (metadata and rule set) registered with it, and whether it was soft deleted.
 */
public record SchemaVersion(String subject, int version, int id, String schema, boolean deleted, Metadata metadata,
		RuleSet ruleSet) {

	public SchemaVersion {
		DataContract contract = new DataContract(metadata, ruleSet);
		metadata = contract.metadata();
		ruleSet = contract.ruleSet();
	}

	/** A version without metadata or rules. */
	public SchemaVersion(String subject, int version, int id, String schema, boolean deleted) {
		this(subject, version, id, schema, deleted, null, null);
	}

	public SchemaVersion softDeleted() {
		return new SchemaVersion(this.subject, this.version, this.id, this.schema, true, this.metadata, this.ruleSet);
	}

	/** What the id names: the schema with its metadata and rules. */
	public RegisteredSchema registered() {
		return new RegisteredSchema(this.schema, this.metadata, this.ruleSet);
	}

	public DataContract contract() {
		return new DataContract(this.metadata, this.ruleSet);
	}

}
