package dev.orderflow.schemaregistry.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.NullValue;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;

import dev.orderflow.schemaregistry.rules.CelRules.RuleFailure;

/**
 * {@code CEL_FIELD} rules, with the semantics of Confluent's field executor: the
 * expression runs once per field that holds a single primitive value ({@code string},
 * {@code bytes}, {@code int}, {@code long}, {@code float}, {@code double},
 * {@code boolean}, {@code null}; a nullable field by the branch it holds), at any depth
 * (fields of nested records, of records in arrays and maps). A rule with tags applies to
 * the fields carrying one of them ({@link FieldTags}), a rule without tags to every
 * field. Enums and fixed values are passed over, as Confluent's executor does.
 * <p>
 * A {@code CONDITION} fails on the first field whose expression is {@code false}: a field
 * holding one value. The elements of an array or map field are visited but their verdicts
 * are not a field's, so, as in Confluent's clients, they never fail a rule. A
 * {@code TRANSFORM} replaces each value with the expression's result, elements too.
 */
final class CelFieldRules {

	private final CelRules cel;

	CelFieldRules(CelRules cel) {
		this.cel = cel;
	}

	/**
	 * Checks a condition on every field it applies to.
	 * @return the path of the first field that broke it and why, or {@code null}
	 */
	FieldViolation violation(IndexedRecord record, Rule rule, Metadata metadata, GenericData model) {
		Walk walk = new Walk(rule, metadata, model, true);
		try {
			walk.record(record, "");
			return null;
		}
		catch (Broken broken) {
			return new FieldViolation(broken.path, broken.why);
		}
	}

	/** Replaces, in place, the value of every field the transform applies to. */
	void transform(IndexedRecord record, Rule rule, Metadata metadata, GenericData model) throws RuleFailure {
		Walk walk = new Walk(rule, metadata, model, false);
		try {
			walk.record(record, "");
		}
		catch (Broken broken) {
			throw new RuleFailure("on field " + broken.path + " " + broken.why);
		}
	}

	/**
	 * The records of a schema (itself and those nested in it) that hold a primitive field
	 * the rule applies to: where its {@code message} can be.
	 */
	static List<Schema> recordsTheRuleAppliesTo(Schema schema, Rule rule, Metadata metadata) {
		Set<Schema> records = new LinkedHashSet<>();
		collect(schema, rule, metadata, records, new HashSet<>());
		return new ArrayList<>(records);
	}

	private static void collect(Schema schema, Rule rule, Metadata metadata, Set<Schema> records, Set<String> seen) {
		switch (schema.getType()) {
			case RECORD -> {
				if (!seen.add(schema.getFullName())) {
					return;
				}
				for (Schema.Field field : schema.getFields()) {
					if (holdsPrimitive(field.schema()) && applies(rule, FieldTags.of(metadata, schema, field))) {
						records.add(schema);
					}
					collect(field.schema(), rule, metadata, records, seen);
				}
			}
			case ARRAY -> collect(schema.getElementType(), rule, metadata, records, seen);
			case MAP -> collect(schema.getValueType(), rule, metadata, records, seen);
			case UNION -> schema.getTypes().forEach((branch) -> collect(branch, rule, metadata, records, seen));
			default -> {
			}
		}
	}

	private static boolean holdsPrimitive(Schema schema) {
		return switch (schema.getType()) {
			case UNION -> schema.getTypes().stream().anyMatch(CelFieldRules::holdsPrimitive);
			case ARRAY -> holdsPrimitive(schema.getElementType());
			case MAP -> holdsPrimitive(schema.getValueType());
			default -> primitive(schema);
		};
	}

	static boolean primitive(Schema schema) {
		return switch (schema.getType()) {
			case STRING, BYTES, INT, LONG, FLOAT, DOUBLE, BOOLEAN, NULL -> true;
			default -> false;
		};
	}

	private static boolean applies(Rule rule, Set<String> fieldTags) {
		return rule.tags().isEmpty() || rule.tags().stream().anyMatch(fieldTags::contains);
	}

	/** The path of the field that broke a condition ({@code lines.sku}), and why. */
	record FieldViolation(String path, String why) {
	}

	/** One pass of a rule over a record. */
	private final class Walk {

		private final Rule rule;

		private final Metadata metadata;

		private final GenericData model;

		private final boolean condition;

		Walk(Rule rule, Metadata metadata, GenericData model, boolean condition) {
			this.rule = rule;
			this.metadata = metadata;
			this.model = model;
			this.condition = condition;
		}

		void record(IndexedRecord record, String prefix) throws Broken {
			Schema schema = record.getSchema();
			for (Schema.Field field : schema.getFields()) {
				String path = prefix + field.name();
				Field context = new Field(record, schema, field, FieldTags.of(this.metadata, schema, field), path);
				Object result = value(field.schema(), record.get(field.pos()), context);
				if (this.condition) {
					if (Boolean.FALSE.equals(result)) {
						throw new Broken(path, "the condition is false");
					}
				}
				else {
					record.put(field.pos(), result);
				}
			}
		}

		private Object value(Schema schema, Object value, Field field) throws Broken {
			switch (schema.getType()) {
				case UNION -> {
					Schema branch = schema.getTypes().get(this.model.resolveUnion(schema, value));
					return value(branch, value, field);
				}
				case RECORD -> {
					if (value instanceof IndexedRecord nested) {
						record(nested, field.path() + ".");
					}
					return value;
				}
				case ARRAY -> {
					if (!(value instanceof Collection<?> elements)) {
						return value;
					}
					List<Object> results = new ArrayList<>(elements.size());
					for (Object element : elements) {
						results.add(value(schema.getElementType(), element, field));
					}
					return results;
				}
				case MAP -> {
					if (!(value instanceof Map<?, ?> entries)) {
						return value;
					}
					Map<Object, Object> results = new LinkedHashMap<>();
					for (Map.Entry<?, ?> entry : entries.entrySet()) {
						results.put(entry.getKey(), value(schema.getValueType(), entry.getValue(), field));
					}
					return results;
				}
				default -> {
					if (!primitive(schema) || !applies(this.rule, field.tags())) {
						return value;
					}
					return evaluate(schema, value, field);
				}
			}
		}

		private Object evaluate(Schema schema, Object value, Field field) throws Broken {
			Map<String, Object> variables = new HashMap<>();
			Object celValue = AvroCelValues.of(value);
			// CEL has no Java null: Confluent binds protobuf's null value
			variables.put("value", (celValue != null) ? celValue : NullValue.NULL_VALUE);
			variables.put("name", field.field().name());
			variables.put("fullName", field.record().getFullName() + "." + field.field().name());
			variables.put("typeName", schema.getType().name().toUpperCase(Locale.ROOT));
			variables.put("tags", new ArrayList<>(field.tags()));
			variables.put("message", AvroCelValues.of(field.holder()));
			Object result;
			try {
				result = CelFieldRules.this.cel.evaluate(field.record(), this.rule, variables, true);
			}
			catch (RuleFailure ex) {
				throw new Broken(field.path(), ex.getMessage());
			}
			if (result == CelRules.SKIPPED) {
				return this.condition ? Boolean.TRUE : value;
			}
			if (this.condition) {
				return result;
			}
			try {
				return AvroCelResults.toAvro(result, schema, this.model);
			}
			catch (RuntimeException ex) {
				throw new Broken(field.path(), "its result does not fit: " + ex.getMessage());
			}
		}

	}

	/** The field being visited: its record, its tags and its path from the root. */
	private record Field(IndexedRecord holder, Schema record, Schema.Field field, Set<String> tags, String path) {
	}

	/** A field broke the rule: unwinds the walk. */
	private static final class Broken extends Exception {

		private final String path;

		private final String why;

		Broken(String path, String why) {
			super(why, null, false, false);
			this.path = path;
			this.why = why;
		}

	}

}
