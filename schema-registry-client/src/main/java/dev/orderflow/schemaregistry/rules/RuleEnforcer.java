package dev.orderflow.schemaregistry.rules;

import java.util.Optional;

import org.apache.avro.Schema;

/**
 * Runs the domain rules of a schema version on a record, as Confluent's serializers do:
 * on write the {@code WRITE} and {@code WRITEREAD} conditions, on read the {@code READ}
 * and {@code WRITEREAD} ones, in order. The first one that fails decides: its
 * {@code onFailure} action {@code NONE} lets the record pass (and the next rule run), any
 * other gives a {@link RuleConditionException}.
 */
public final class RuleEnforcer {

	private final CelRules cel = new CelRules();

	/**
	 * @param what names the record in messages, e.g. its subject or type
	 * @return the broken rule with the action it asks for, if any
	 */
	public Optional<RuleConditionException> check(Schema schema, RuleSet ruleSet, Object record, boolean write,
			String what) {
		if (ruleSet == null) {
			return Optional.empty();
		}
		for (Rule rule : ruleSet.domainRules()) {
			if (!CelRules.evaluates(rule) || !(write ? rule.mode().onWrite() : rule.mode().onRead())) {
				continue;
			}
			String violation = this.cel.violation(schema, rule, record);
			if (violation != null && !Rule.NONE.equals(rule.failureAction(write))) {
				return Optional.of(new RuleConditionException(rule, what, write, violation));
			}
		}
		return Optional.empty();
	}

}
