package dev.orderflow.schemaregistry.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Compiles and evaluates {@code CEL} and {@code CEL_FIELD} rules with Google's CEL for
 * Java, as Confluent's executors do. An expression is compiled once per schema against
 * that schema's types ({@link AvroCelTypes}).
 * <ul>
 * <li>{@code CEL}: the variable {@code message} is the record. A {@code CONDITION} must
 * be a {@code bool}; a {@code TRANSFORM} gives the record that replaces it.</li>
 * <li>{@code CEL_FIELD}: evaluated once per field ({@link CelFieldRules}), with
 * {@code value}, {@code name}, {@code fullName}, {@code typeName}, {@code tags} and
 * {@code message}, the record holding the field.</li>
 * </ul>
 * Either may start with a guard, {@code guard ; expression}: where the guard is false (or
 * cannot be evaluated) the rule does not apply, a condition holds and a transform leaves
 * the value as it is. The rule parameter {@code cel.ignore.guard.separator=true} reads
 * the whole text as the expression.
 */
public final class CelRules {

	/** The rule types this executor understands, as Confluent names them. */
	public static final String CEL = "CEL";

	public static final String CEL_FIELD = "CEL_FIELD";

	/** Confluent's rule parameter that turns the guard separator off. */
	public static final String IGNORE_GUARD_SEPARATOR = "cel.ignore.guard.separator";

	private static final Pattern FIELD = Pattern.compile("\\bmessage\\.([A-Za-z_][A-Za-z0-9_]*)");

	private static final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();

	private final Map<ProgramKey, Compiled> programs = new ConcurrentHashMap<>();

	/** Whether this executor evaluates the rule: an enabled CEL condition. */
	public static boolean evaluates(Rule rule) {
		return !rule.isDisabled() && rule.kind() == RuleKind.CONDITION && isCel(rule);
	}

	/**
	 * Whether the rule is of a type this executor runs: {@code CEL} or {@code CEL_FIELD}.
	 */
	public static boolean isCel(Rule rule) {
		return CEL.equalsIgnoreCase(rule.type()) || isCelField(rule);
	}

	static boolean isCelField(Rule rule) {
		return CEL_FIELD.equalsIgnoreCase(rule.type());
	}

	/**
	 * Type-checks every CEL rule of the rule set against the schema.
	 * @return one problem per rule that does not compile, naming the rule; empty when all
	 * do
	 */
	public static List<String> check(Schema schema, RuleSet ruleSet) {
		return check(schema, new DataContract(null, ruleSet));
	}

	/**
	 * Type-checks every enabled {@code CEL} and {@code CEL_FIELD} rule of the contract
	 * against the schema. A {@code CEL_FIELD} rule is checked against every record of the
	 * schema that holds a field it applies to (by its tags and the contract's metadata),
	 * since {@code message} is that record: stricter than Confluent, which compiles it
	 * against a record only once a field of it is written.
	 * @return one problem per rule that does not compile, naming the rule; empty when all
	 * do
	 */
	public static List<String> check(Schema schema, DataContract contract) {
		List<String> problems = new ArrayList<>();
		if (contract == null || contract.ruleSet() == null) {
			return problems;
		}
		for (Rule rule : contract.ruleSet().rules()) {
			if (rule.isDisabled() || !isCel(rule)) {
				continue;
			}
			List<Schema> records = isCelField(rule)
					? CelFieldRules.recordsTheRuleAppliesTo(schema, rule, contract.metadata()) : List.of(schema);
			for (Schema record : records) {
				String error = compileError(record, rule);
				if (error != null) {
					problems.add("rule '" + rule.name() + "' does not compile against " + record.getFullName() + ": "
							+ error);
					break;
				}
			}
		}
		return problems;
	}

	/**
	 * The top-level fields the expression reads ({@code message.<field>}), for messages
	 * that name them.
	 */
	public static List<String> fields(Rule rule) {
		Set<String> fields = new LinkedHashSet<>();
		if (rule.expr() != null) {
			Matcher matcher = FIELD.matcher(rule.expr());
			while (matcher.find()) {
				fields.add(matcher.group(1));
			}
		}
		return new ArrayList<>(fields);
	}

	/**
	 * Evaluates a {@code CEL} condition on a record of the schema.
	 * @return {@code null} when it holds, else why not (false, an evaluation error, or a
	 * compile error)
	 */
	public String violation(Schema schema, Rule rule, Object record) {
		try {
			Object result = evaluate(schema, rule, Map.of("message", AvroCelValues.of(record)), false);
			return (result == SKIPPED || Boolean.TRUE.equals(result)) ? null : "the condition is false";
		}
		catch (RuleFailure ex) {
			return ex.getMessage();
		}
	}

	/**
	 * Runs a {@code CEL} transform on a record of the schema.
	 * @return the record that replaces it, in the record's data model
	 * @throws RuleFailure when the expression does not compile or evaluate, or gives no
	 * record of the schema
	 */
	Object transform(Schema schema, Rule rule, Object record, GenericData model) throws RuleFailure {
		Object result = evaluate(schema, rule, Map.of("message", AvroCelValues.of(record)), false);
		if (result == SKIPPED) {
			return record;
		}
		try {
			return AvroCelResults.toAvro(result, schema, model);
		}
		catch (RuntimeException ex) {
			throw new RuleFailure("its result is no " + schema.getFullName() + ": " + ex.getMessage());
		}
	}

	/** What {@link #evaluate} gives when the rule's guard is false. */
	static final Object SKIPPED = new Object();

	/**
	 * Evaluates the rule's guard, then its expression, with these variables.
	 * @param field whether the variables are a {@code CEL_FIELD} rule's
	 * @return the expression's value, or {@link #SKIPPED} when the guard is false
	 */
	Object evaluate(Schema record, Rule rule, Map<String, ?> variables, boolean field) throws RuleFailure {
		Parts parts = Parts.of(rule);
		if (parts.guard() != null) {
			Object guard;
			try {
				guard = run(new ProgramKey(record, parts.guard(), field, true), variables);
			}
			catch (RuleFailure ex) {
				// as in Confluent's executors: a guard that fails is a false one
				guard = Boolean.FALSE;
			}
			if (!Boolean.TRUE.equals(guard)) {
				return SKIPPED;
			}
		}
		return run(new ProgramKey(record, parts.body(), field, rule.kind() != RuleKind.TRANSFORM), variables);
	}

	private Object run(ProgramKey key, Map<String, ?> variables) throws RuleFailure {
		Compiled compiled = this.programs.computeIfAbsent(key, CelRules::program);
		if (compiled.error() != null) {
			throw new RuleFailure("its expression does not compile: " + compiled.error());
		}
		try {
			return compiled.program().eval(variables);
		}
		catch (CelEvaluationException | RuntimeException ex) {
			throw new RuleFailure("evaluating it failed: " + ex.getMessage());
		}
	}

	/** The compile error of the rule's guard or expression against the record, if any. */
	private static String compileError(Schema record, Rule rule) {
		Parts parts = Parts.of(rule);
		boolean field = isCelField(rule);
		if (parts.guard() != null) {
			CelValidationResult guard = compile(new ProgramKey(record, parts.guard(), field, true));
			if (guard.hasError()) {
				return "its guard: " + guard.getErrorString();
			}
		}
		CelValidationResult body = compile(
				new ProgramKey(record, parts.body(), field, rule.kind() != RuleKind.TRANSFORM));
		return body.hasError() ? body.getErrorString() : null;
	}

	private static Compiled program(ProgramKey key) {
		CelValidationResult result = compile(key);
		if (result.hasError()) {
			return new Compiled(null, result.getErrorString());
		}
		try {
			CelAbstractSyntaxTree ast = result.getAst();
			return new Compiled(runtime.createProgram(ast), null);
		}
		catch (Exception ex) {
			return new Compiled(null, ex.getMessage());
		}
	}

	private static CelValidationResult compile(ProgramKey key) {
		AvroCelTypes types = new AvroCelTypes(key.schema());
		CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
			.setStandardMacros(CelStandardMacro.STANDARD_MACROS)
			.setTypeProvider(types)
			.addVar("message", types.root());
		if (key.field()) {
			// a field's value has the field's type, which differs field by field: checked
			// when evaluated
			builder.addVar("value", SimpleType.DYN)
				.addVar("name", SimpleType.STRING)
				.addVar("fullName", SimpleType.STRING)
				.addVar("typeName", SimpleType.STRING)
				.addVar("tags", ListType.create(SimpleType.STRING));
		}
		if (key.bool()) {
			builder.setResultType(SimpleType.BOOL);
		}
		CelCompiler compiler = builder.build();
		return compiler.compile(key.expr());
	}

	/** A rule's text as Confluent reads it: an optional guard, then the expression. */
	record Parts(String guard, String body) {

		static Parts of(Rule rule) {
			String expr = (rule.expr() != null) ? rule.expr() : "";
			int separator = expr.indexOf(';');
			if (separator < 0 || "true".equalsIgnoreCase(rule.param(IGNORE_GUARD_SEPARATOR))) {
				return new Parts(null, expr);
			}
			String guard = expr.substring(0, separator);
			return new Parts(guard.isBlank() ? null : guard, expr.substring(separator + 1));
		}

	}

	/**
	 * Why a rule could not be applied: its text does not compile, or evaluating failed.
	 */
	static final class RuleFailure extends Exception {

		RuleFailure(String message) {
			super(message, null, false, false);
		}

	}

	private record ProgramKey(Schema schema, String expr, boolean field, boolean bool) {
	}

	private record Compiled(CelRuntime.Program program, String error) {
	}

}
