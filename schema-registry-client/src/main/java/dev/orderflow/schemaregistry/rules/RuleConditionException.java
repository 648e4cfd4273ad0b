package dev.orderflow.schemaregistry.rules;

import java.util.List;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record broke a rule of its data contract: the serializer refuses to write it, or the
 * deserializer to read it. Names the rule, the fields its expression reads and the action
 * the rule asks for ({@code ERROR} or {@code DLQ}); never the field values, which may be
 * personal data.
 */
public class RuleConditionException extends SerializationException {

	private final String ruleName;

	private final List<String> fields;

	private final String action;

	private final boolean write;

	private final String dlqTopic;

	public RuleConditionException(Rule rule, String subjectOrType, boolean write, String why) {
		super("Rule '" + rule.name() + "' (" + (write ? "WRITE" : "READ") + " CONDITION on field"
				+ ((CelRules.fields(rule).size() == 1) ? " " : "s ") + String.join(", ", CelRules.fields(rule))
				+ ") of " + subjectOrType + " failed: " + why + " (" + rule.expr() + ")");
		this.ruleName = rule.name();
		this.fields = CelRules.fields(rule);
		this.action = rule.failureAction(write);
		this.write = write;
		this.dlqTopic = rule.param(Rule.DLQ_TOPIC);
	}

	/** The rule's {@code dlq.topic} parameter, if it names one. */
	public String dlqTopic() {
		return this.dlqTopic;
	}

	public String ruleName() {
		return this.ruleName;
	}

	public List<String> fields() {
		return this.fields;
	}

	/** {@code ERROR} or {@code DLQ}. */
	public String action() {
		return this.action;
	}

	public boolean onWrite() {
		return this.write;
	}

}
