package dev.orderflow.schemaregistry.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code ruleSet} of a schema version: {@code domainRules} hold for every record of
 * the version (checked when written or read), {@code migrationRules} transform between
 * versions.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "migrationRules", "domainRules" })
public record RuleSet(List<Rule> migrationRules, List<Rule> domainRules) {

	public RuleSet {
		migrationRules = (migrationRules != null) ? List.copyOf(migrationRules) : List.of();
		domainRules = (domainRules != null) ? List.copyOf(domainRules) : List.of();
	}

	@JsonIgnore
	public boolean isEmpty() {
		return this.migrationRules.isEmpty() && this.domainRules.isEmpty();
	}

	/** Every rule, migration rules first. */
	@JsonIgnore
	public List<Rule> rules() {
		List<Rule> all = new ArrayList<>(this.migrationRules);
		all.addAll(this.domainRules);
		return all;
	}

	/**
	 * Confluent's merge of rule sets from a config default, a version and a config
	 * override: a later rule replaces an earlier one of the same name, others are kept in
	 * order. Nulls are skipped.
	 */
	public static RuleSet merge(RuleSet... layers) {
		Map<String, Rule> migration = new LinkedHashMap<>();
		Map<String, Rule> domain = new LinkedHashMap<>();
		boolean any = false;
		for (RuleSet layer : layers) {
			if (layer == null) {
				continue;
			}
			any = true;
			layer.migrationRules().forEach((rule) -> put(migration, rule));
			layer.domainRules().forEach((rule) -> put(domain, rule));
		}
		return any ? new RuleSet(new ArrayList<>(migration.values()), new ArrayList<>(domain.values())) : null;
	}

	private static void put(Map<String, Rule> rules, Rule rule) {
		rules.remove(rule.name());
		rules.put(rule.name(), rule);
	}

}
