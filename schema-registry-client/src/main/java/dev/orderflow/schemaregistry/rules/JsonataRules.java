package dev.orderflow.schemaregistry.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.dashjoin.jsonata.Jsonata;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code JSONATA} rules, Confluent's type for migration rules: the expression, in JSONata
 * (dashjoin's JSONata for Java), turns a record written with one version of a schema into
 * one of another. As in Confluent's serdes, the record is handed to the expression in
 * Avro's JSON encoding (a union's value is wrapped in its branch, {@code {"string":
 * "text"}}), and what the expression gives is read back with the target version's schema
 * in the same encoding, so it must name every field of it.
 */
public final class JsonataRules {

	/** The rule type, as Confluent names it. */
	public static final String JSONATA = "JSONATA";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, Jsonata> expressions = new ConcurrentHashMap<>();

	/** Whether the rule is a JSONata rule this executor runs. */
	public static boolean isJsonata(Rule rule) {
		return !rule.isDisabled() && JSONATA.equalsIgnoreCase(rule.type());
	}

	/**
	 * Runs the rule's expression on a record in Avro's JSON encoding.
	 * @throws IllegalArgumentException when the expression does not parse or evaluate
	 */
	public Object transform(Rule rule, Object document) {
		Jsonata expression;
		try {
			expression = this.expressions.computeIfAbsent(rule.expr(), Jsonata::jsonata);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("its expression does not parse: " + ex.getMessage(), ex);
		}
		try {
			// an expression keeps its evaluation state while it runs: one evaluation at a
			// time
			synchronized (expression) {
				return expression.evaluate(document);
			}
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("evaluating it failed: " + ex.getMessage(), ex);
		}
	}

	/** A record (generic) in Avro's JSON encoding, as maps, lists and scalars. */
	public static Object toJson(Schema schema, Object record) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			JsonEncoder encoder = EncoderFactory.get().jsonEncoder(schema, out);
			new GenericDatumWriter<>(schema, GenericData.get()).write(record, encoder);
			encoder.flush();
			return json.readValue(out.toString(StandardCharsets.UTF_8), Object.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write a " + schema.getFullName() + " as JSON", ex);
		}
	}

	/**
	 * A document in Avro's JSON encoding as a generic record of the schema.
	 * @throws IllegalArgumentException when it does not fit the schema
	 */
	public static Object fromJson(Schema schema, Object document) {
		try {
			String text = json.writeValueAsString(integral(document));
			Decoder decoder = DecoderFactory.get().jsonDecoder(schema, text);
			return new GenericDatumReader<>(schema, schema, GenericData.get()).read(null, decoder);
		}
		catch (IOException | AvroRuntimeException ex) {
			throw new IllegalArgumentException("its result is no " + schema.getFullName() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * JSONata computes with doubles; a whole number goes back as one, so an {@code int}
	 * field reads it.
	 */
	private static Object integral(Object value) {
		if (value instanceof Double number && number == Math.rint(number) && !Double.isInfinite(number)
				&& Math.abs(number) < 1e15) {
			return number.longValue();
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> converted = new LinkedHashMap<>();
			map.forEach((key, element) -> converted.put(String.valueOf(key), integral(element)));
			return converted;
		}
		if (value instanceof List<?> list) {
			List<Object> converted = new ArrayList<>(list.size());
			list.forEach((element) -> converted.add(integral(element)));
			return converted;
		}
		return value;
	}

}
