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
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import org.apache.avro.Schema;

/**
 * Compiles and evaluates {@code CEL} condition rules with Google's CEL for Java. A rule
 * is compiled once per schema against that schema's types ({@link AvroCelTypes}): the
 * variable {@code message} is the record, and the expression must be a {@code bool}.
 * Rules of other types ({@code CEL_FIELD}, {@code JSONATA}, ...) and {@code TRANSFORM}
 * rules are not evaluated here.
 */
public final class CelRules {

	/** The rule type this executor understands, as Confluent names it. */
	public static final String CEL = "CEL";

	private static final Pattern FIELD = Pattern.compile("\\bmessage\\.([A-Za-z_][A-Za-z0-9_]*)");

	private static final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();

	private final Map<ProgramKey, Compiled> programs = new ConcurrentHashMap<>();

	/** Whether this executor evaluates the rule: an enabled CEL condition. */
	public static boolean evaluates(Rule rule) {
		return !rule.isDisabled() && rule.kind() == RuleKind.CONDITION && CEL.equalsIgnoreCase(rule.type());
	}

	/**
	 * Type-checks every CEL condition of the rule set against the schema.
	 * @return one problem per rule that does not compile, naming the rule; empty when all
	 * do
	 */
	public static List<String> check(Schema schema, RuleSet ruleSet) {
		List<String> problems = new ArrayList<>();
		if (ruleSet == null) {
			return problems;
		}
		for (Rule rule : ruleSet.rules()) {
			if (evaluates(rule)) {
				CelValidationResult result = compile(schema, rule.expr());
				if (result.hasError()) {
					problems.add("rule '" + rule.name() + "' does not compile against " + schema.getFullName() + ": "
							+ result.getErrorString());
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
	 * Evaluates a CEL condition on a record of the schema.
	 * @return {@code null} when it holds, else why not (false, an evaluation error, or a
	 * compile error)
	 */
	public String violation(Schema schema, Rule rule, Object record) {
		Compiled compiled = this.programs.computeIfAbsent(new ProgramKey(schema, rule.expr()), CelRules::program);
		if (compiled.error() != null) {
			return "its expression does not compile: " + compiled.error();
		}
		try {
			Object result = compiled.program().eval(Map.of("message", AvroCelValues.of(record)));
			if (Boolean.TRUE.equals(result)) {
				return null;
			}
			return (result instanceof Boolean) ? "the condition is false"
					: "the condition gave " + result + " instead of a bool";
		}
		catch (CelEvaluationException | RuntimeException ex) {
			return "evaluating it failed: " + ex.getMessage();
		}
	}

	private static Compiled program(ProgramKey key) {
		CelValidationResult result = compile(key.schema(), key.expr());
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

	private static CelValidationResult compile(Schema schema, String expr) {
		AvroCelTypes types = new AvroCelTypes(schema);
		CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder()
			.setStandardMacros(CelStandardMacro.STANDARD_MACROS)
			.setTypeProvider(types)
			.addVar("message", types.root())
			.setResultType(SimpleType.BOOL)
			.build();
		return compiler.compile((expr != null) ? expr : "");
	}

	private record ProgramKey(Schema schema, String expr) {
	}

	private record Compiled(CelRuntime.Program program, String error) {
	}

}
