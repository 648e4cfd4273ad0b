package dev.orderflow.schemaregistry.rules;

import java.util.List;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record broke a rule of its data contract: the serializer refuses to write it, or the
 * deserializer to read it. A condition was false, or a transform could not be applied.
 * Names the rule, the fields it concerns (those a {@code CEL} expression reads, the field
 * a {@code CEL_FIELD} rule failed on) and the action the rule asks for ({@code ERROR} or
 * {@code DLQ}); never the field values, which may be personal data.
 */
public class RuleConditionException extends SerializationException {

	private final String ruleName;

	private final List<String> fields;

	private final String action;

	private final boolean write;

	private final String dlqTopic;

	/** A {@code CEL} rule broke: the fields are those its expression reads. */
	public RuleConditionException(Rule rule, String subjectOrType, boolean write, String why) {
		this(rule, subjectOrType, write, why, CelRules.fields(rule));
	}

	/** A rule broke on these fields. */
	public RuleConditionException(Rule rule, String subjectOrType, boolean write, String why, List<String> fields) {
		this(rule, subjectOrType, write, write ? "WRITE" : "READ", why, fields);
	}

	/**
	 * A migration rule could not be applied when reading ({@code UPGRADE} or
	 * {@code DOWNGRADE}).
	 */
	public RuleConditionException(Rule rule, String subjectOrType, String migration, String why) {
		this(rule, subjectOrType, false, migration, why, List.of());
	}

	private RuleConditionException(Rule rule, String subjectOrType, boolean write, String mode, String why,
			List<String> fields) {
		super("Rule '" + rule.name() + "' (" + mode + " " + ((rule.kind() != null) ? rule.kind() : RuleKind.CONDITION)
				+ (fields.isEmpty() ? ""
						: " on field" + ((fields.size() == 1) ? " " : "s ") + String.join(", ", fields))
				+ ") of " + subjectOrType + " failed: " + why + " (" + rule.expr() + ")");
		this.ruleName = rule.name();
		this.fields = List.copyOf(fields);
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
