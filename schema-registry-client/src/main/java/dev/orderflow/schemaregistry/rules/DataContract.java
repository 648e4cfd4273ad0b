package dev.orderflow.schemaregistry.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a schema version says beyond its shape: its {@link Metadata} and {@link RuleSet},
 * as they travel in a registration request and come back with the version. Either may be
 * {@code null}; empty ones are kept as {@code null}, so "no rules" has one form.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "metadata", "ruleSet" })
public record DataContract(Metadata metadata, RuleSet ruleSet) {

	public static final DataContract NONE = new DataContract(null, null);

	public DataContract {
		metadata = (metadata != null && metadata.isEmpty()) ? null : metadata;
		ruleSet = (ruleSet != null && ruleSet.isEmpty()) ? null : ruleSet;
	}

	@JsonIgnore
	public boolean isEmpty() {
		return this.metadata == null && this.ruleSet == null;
	}

}
