package dev.orderflow.schemaregistry.rules;

import java.util.Locale;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One rule of a {@link RuleSet}, with the fields of Confluent's data contracts.
 * {@code onFailure} (and {@code onSuccess}) name an action: {@code ERROR} refuses the
 * record, {@code DLQ} sends it to a dead-letter topic, {@code NONE} lets it pass. For a
 * {@code CEL} condition {@code expr} is a boolean expression over {@code message}, the
 * record.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "name", "doc", "kind", "mode", "type", "tags", "params", "expr", "onSuccess", "onFailure",
		"disabled" })
public record Rule(String name, String doc, RuleKind kind, RuleMode mode, String type, SortedSet<String> tags,
		SortedMap<String, String> params, String expr, String onSuccess, String onFailure, Boolean disabled) {

	/** Confluent's action when {@code onFailure} is absent. */
	public static final String ERROR = "ERROR";

	public static final String DLQ = "DLQ";

	public static final String NONE = "NONE";

	/** Confluent's rule parameter naming a DLQ action's topic. */
	public static final String DLQ_TOPIC = "dlq.topic";

	public Rule {
		tags = (tags != null) ? new TreeSet<>(tags) : new TreeSet<>();
		params = (params != null) ? new TreeMap<>(params) : new TreeMap<>();
		// absent and false are the same rule: kept as absent, so they compare equal
		disabled = Boolean.TRUE.equals(disabled) ? Boolean.TRUE : null;
	}

	@JsonIgnore
	public boolean isDisabled() {
		return Boolean.TRUE.equals(this.disabled);
	}

	/** A CEL condition, as most rules are. */
	public static Rule condition(String name, RuleMode mode, String expr, String onFailure) {
		return new Rule(name, null, RuleKind.CONDITION, mode, "CEL", null, null, expr, null, onFailure, null);
	}

	/**
	 * The action on failure, {@code ERROR} when none is given. A {@code WRITEREAD} rule
	 * may name one per side, as Confluent allows: {@code "ERROR,DLQ"} is ERROR on write,
	 * DLQ on read.
	 */
	@JsonIgnore
	public String failureAction(boolean write) {
		return action(this.onFailure, write, ERROR);
	}

	/** The rule parameter, if set. */
	public String param(String key) {
		return this.params.get(key);
	}

	private String action(String action, boolean write, String otherwise) {
		if (action == null || action.isBlank()) {
			return otherwise;
		}
		// Confluent lets a WRITEREAD rule give one action per side: "DLQ,ERROR"
		String[] sides = action.split(",");
		String chosen = (sides.length == 2) ? sides[write ? 0 : 1] : sides[0];
		return chosen.trim().toUpperCase(Locale.ROOT);
	}

}
