package dev.orderflow.registry.schemas;

import java.util.HashSet;
import java.util.Set;

import dev.orderflow.registry.web.Errors;
import dev.orderflow.schemaregistry.rules.Rule;
import dev.orderflow.schemaregistry.rules.RuleMode;
import dev.orderflow.schemaregistry.rules.RuleSet;

/**
 * Checks a submitted rule set as Confluent does before storing it: every rule has a name
 * (unique in its list), a kind, a mode and a type; domain rules run on write or read,
 * migration rules on upgrade or downgrade. The expression itself is the executor's
 * business, not the registry's.
 */
public final class RuleSets {

	private RuleSets() {
	}

	/**
	 * @throws dev.orderflow.registry.web.RegistryException 42201 naming the first bad
	 * rule
	 */
	public static void validate(RuleSet ruleSet) {
		if (ruleSet == null) {
			return;
		}
		validate(ruleSet, true);
		validate(ruleSet, false);
	}

	private static void validate(RuleSet ruleSet, boolean domain) {
		Set<String> names = new HashSet<>();
		for (Rule rule : domain ? ruleSet.domainRules() : ruleSet.migrationRules()) {
			if (rule == null || rule.name() == null || rule.name().isBlank()) {
				throw invalid("every rule needs a name");
			}
			if (!names.add(rule.name())) {
				throw invalid("rule name " + rule.name() + " is used twice");
			}
			if (rule.kind() == null) {
				throw invalid("rule " + rule.name() + " needs a kind (CONDITION or TRANSFORM)");
			}
			if (rule.mode() == null) {
				throw invalid("rule " + rule.name() + " needs a mode");
			}
			if (rule.type() == null || rule.type().isBlank()) {
				throw invalid("rule " + rule.name() + " needs a type, e.g. CEL");
			}
			boolean migration = rule.mode() == RuleMode.UPGRADE || rule.mode() == RuleMode.DOWNGRADE
					|| rule.mode() == RuleMode.UPDOWN;
			if (domain == migration) {
				throw invalid("rule " + rule.name() + ": mode " + rule.mode() + " is for "
						+ (migration ? "migration" : "domain") + " rules");
			}
		}
	}

	private static RuntimeException invalid(String detail) {
		return Errors.invalidRuleSet("Invalid rule set: " + detail);
	}

}
