package dev.orderflow.schemaregistry.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import dev.orderflow.schemaregistry.rules.CelFieldRules.FieldViolation;
import dev.orderflow.schemaregistry.rules.CelRules.RuleFailure;

/**
 * Runs the domain rules of a schema version on a record, as Confluent's serializers do:
 * on write the {@code WRITE} and {@code WRITEREAD} rules in order, on read the
 * {@code READ} and {@code WRITEREAD} ones in reverse order (so a pair of transforms
 * undoes on read what it did on write). Rules of type {@code CEL} and {@code CEL_FIELD}
 * run; others are passed over. A {@code CONDITION} that fails (or cannot be evaluated)
 * and a {@code TRANSFORM} that cannot be applied give a {@link RuleConditionException}
 * unless their {@code onFailure} action is {@code NONE}, which lets the record pass and
 * the next rule run. A {@code TRANSFORM}'s result is the record the next rule sees and
 * the one written or returned; the caller's record is copied first, never changed.
 */
public final class RuleEnforcer {

	private final CelRules cel = new CelRules();

	private final CelFieldRules celFields = new CelFieldRules(this.cel);

	/**
	 * Checks the conditions only, for a caller that cannot change the record (the outbox
	 * relay publishes stored bytes as they are).
	 * @param what names the record in messages, e.g. its subject or type
	 * @return the broken rule with the action it asks for, if any
	 */
	public Optional<RuleConditionException> check(Schema schema, RuleSet ruleSet, Object record, boolean write,
			String what) {
		return check(schema, new DataContract(null, ruleSet), record, write, what);
	}

	/**
	 * Checks the conditions only, with the contract's metadata (the tags a
	 * {@code CEL_FIELD} rule selects fields by).
	 */
	public Optional<RuleConditionException> check(Schema schema, DataContract contract, Object record, boolean write,
			String what) {
		try {
			run(schema, contract, record, write, what, false);
			return Optional.empty();
		}
		catch (RuleConditionException ex) {
			return Optional.of(ex);
		}
	}

	/**
	 * Runs every rule of the side on the record.
	 * @return the record to write or return: the same one unless a transform ran
	 * @throws RuleConditionException naming the first rule that broke
	 */
	public Object apply(Schema schema, DataContract contract, Object record, boolean write, String what) {
		return run(schema, contract, record, write, what, true);
	}

	private Object run(Schema schema, DataContract contract, Object record, boolean write, String what,
			boolean transforms) {
		if (contract == null || contract.ruleSet() == null) {
			return record;
		}
		List<Rule> rules = new ArrayList<>(contract.ruleSet().domainRules());
		if (!write) {
			Collections.reverse(rules);
		}
		GenericData model = model(record);
		Object current = record;
		boolean copied = false;
		for (int i = 0; i < rules.size(); i++) {
			Rule rule = rules.get(i);
			if (rule.isDisabled() || !CelRules.isCel(rule) || rule.mode() == null
					|| !(write ? rule.mode().onWrite() : rule.mode().onRead())) {
				continue;
			}
			if (rule.kind() == RuleKind.TRANSFORM) {
				if (!transforms || !(current instanceof IndexedRecord) || overridden(rules, i, write)) {
					continue;
				}
				if (!copied) {
					current = model.deepCopy(schema, current);
					copied = true;
				}
				current = transform(schema, rule, contract.metadata(), current, model, write, what);
			}
			else {
				condition(schema, rule, contract.metadata(), current, model, write, what);
			}
		}
		return current;
	}

	private void condition(Schema schema, Rule rule, Metadata metadata, Object record, GenericData model, boolean write,
			String what) {
		RuleConditionException broken = null;
		if (CelRules.isCelField(rule)) {
			if (record instanceof IndexedRecord indexed) {
				FieldViolation violation = this.celFields.violation(indexed, rule, metadata, model);
				if (violation != null) {
					broken = new RuleConditionException(rule, what, write, violation.why(), List.of(violation.path()));
				}
			}
		}
		else {
			String violation = this.cel.violation(schema, rule, record);
			if (violation != null) {
				broken = new RuleConditionException(rule, what, write, violation);
			}
		}
		if (broken != null && !Rule.NONE.equals(rule.failureAction(write))) {
			throw broken;
		}
	}

	private Object transform(Schema schema, Rule rule, Metadata metadata, Object record, GenericData model,
			boolean write, String what) {
		try {
			if (CelRules.isCelField(rule)) {
				this.celFields.transform((IndexedRecord) record, rule, metadata, model);
				return record;
			}
			return this.cel.transform(schema, rule, record, model);
		}
		catch (RuleFailure ex) {
			if (Rule.NONE.equals(rule.failureAction(write))) {
				return record;
			}
			throw new RuleConditionException(rule, what, write, ex.getMessage(), CelRules.fields(rule));
		}
	}

	/**
	 * Confluent's rule for two field transforms of the same type, mode and tags: only one
	 * applies, the one that runs last on write (so, in the reversed order of a read, the
	 * first), which makes it the same rule on both sides.
	 */
	private static boolean overridden(List<Rule> rules, int index, boolean write) {
		Rule rule = rules.get(index);
		if (!CelRules.isCelField(rule) || rule.tags().isEmpty()) {
			return false;
		}
		int from = write ? index + 1 : 0;
		int to = write ? rules.size() : index;
		for (int other = from; other < to; other++) {
			Rule candidate = rules.get(other);
			if (candidate.kind() == RuleKind.TRANSFORM && candidate.mode() == rule.mode()
					&& Objects.equals(candidate.type(), rule.type()) && candidate.tags().equals(rule.tags())) {
				return true;
			}
		}
		return false;
	}

	/** The data model of the record: a generated class's own, with its conversions. */
	private static GenericData model(Object record) {
		if (record instanceof SpecificRecord) {
			return SpecificData.getForClass(record.getClass());
		}
		return GenericData.get();
	}

}
