package dev.orderflow.schemaregistry.rules;

/**
 * What a rule does: check a record ({@code CONDITION}) or change it ({@code TRANSFORM}).
 */
public enum RuleKind {

	CONDITION, TRANSFORM

}
