package dev.orderflow.schemaregistry.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.protobuf.ByteString;
import dev.cel.common.values.CelByteString;
import org.apache.avro.Conversion;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;

/**
 * The way back from {@link AvroCelValues}: what a {@code TRANSFORM} rule's expression
 * gives (maps, {@code long}s, strings, bytes) as Avro data of the schema it replaces, in
 * the data model of the record it came from (a generated class's model turns epoch
 * milliseconds back into an {@code Instant} and text into a {@code UUID}; the generic
 * model keeps them raw). A value that does not fit the schema is an error naming the
 * schema, never the value.
 */
final class AvroCelResults {

	private AvroCelResults() {
	}

	static Object toAvro(Object value, Schema schema, GenericData model) {
		if (isNull(value)) {
			if (schema.getType() == Schema.Type.NULL || nullable(schema)) {
				return null;
			}
			throw new IllegalArgumentException("the expression gave null for a non-null " + schema.getType());
		}
		LogicalType logicalType = schema.getLogicalType();
		Object raw = raw(value, schema, model);
		Conversion<?> conversion = (logicalType != null) ? model.getConversionFor(logicalType) : null;
		if (conversion != null && !(logicalType instanceof LogicalTypes.Decimal)) {
			return Conversions.convertToLogicalType(raw, schema, logicalType, conversion);
		}
		return raw;
	}

	private static Object raw(Object value, Schema schema, GenericData model) {
		return switch (schema.getType()) {
			case RECORD -> record(value, schema, model);
			case STRING -> text(value, schema);
			case ENUM -> model.createEnum(text(value, schema), schema);
			case INT -> number(value, schema).intValue();
			case LONG -> number(value, schema).longValue();
			case FLOAT -> number(value, schema).floatValue();
			case DOUBLE -> number(value, schema).doubleValue();
			case BOOLEAN -> {
				if (value instanceof Boolean bool) {
					yield bool;
				}
				throw mismatch(value, schema);
			}
			case BYTES -> (schema.getLogicalType() instanceof LogicalTypes.Decimal decimal)
					? decimal(value, schema, decimal, model) : ByteBuffer.wrap(bytes(value, schema));
			case FIXED -> model.createFixed(null, bytes(value, schema), schema);
			case ARRAY -> {
				if (!(value instanceof Collection<?> list)) {
					throw mismatch(value, schema);
				}
				ArrayList<Object> array = new ArrayList<>(list.size());
				list.forEach((element) -> array.add(toAvro(element, schema.getElementType(), model)));
				yield array;
			}
			case MAP -> {
				if (!(value instanceof Map<?, ?> map)) {
					throw mismatch(value, schema);
				}
				Map<String, Object> converted = new LinkedHashMap<>();
				map.forEach(
						(key, element) -> converted.put(key.toString(), toAvro(element, schema.getValueType(), model)));
				yield converted;
			}
			case UNION -> toAvro(value, branch(value, schema), model);
			case NULL -> throw mismatch(value, schema);
		};
	}

	private static Object record(Object value, Schema schema, GenericData model) {
		if (value instanceof IndexedRecord record && record.getSchema().equals(schema)) {
			return record;
		}
		if (!(value instanceof Map<?, ?> fields)) {
			throw mismatch(value, schema);
		}
		IndexedRecord record = (IndexedRecord) model.newRecord(null, schema);
		for (Schema.Field field : schema.getFields()) {
			if (fields.containsKey(field.name())) {
				record.put(field.pos(), toAvro(fields.get(field.name()), field.schema(), model));
			}
			else if (field.hasDefaultValue()) {
				record.put(field.pos(), model.deepCopy(field.schema(), model.getDefaultValue(field)));
			}
			else {
				throw new IllegalArgumentException(
						"the expression's result has no field '" + field.name() + "' of " + schema.getFullName());
			}
		}
		return record;
	}

	/**
	 * The branch of a union a CEL value belongs to: the first whose kind fits (a map is a
	 * record or a map, text a string or an enum, an int an int or a long, ...).
	 */
	private static Schema branch(Object value, Schema union) {
		for (Schema candidate : union.getTypes()) {
			boolean fits = switch (candidate.getType()) {
				case RECORD, MAP -> value instanceof Map<?, ?> || value instanceof IndexedRecord;
				case STRING, ENUM -> value instanceof CharSequence;
				case INT, LONG -> value instanceof Long || value instanceof Integer;
				case FLOAT, DOUBLE -> value instanceof Number;
				case BOOLEAN -> value instanceof Boolean;
				case BYTES, FIXED ->
					value instanceof ByteString || value instanceof CelByteString || value instanceof byte[];
				case ARRAY -> value instanceof Collection<?>;
				case NULL, UNION -> false;
			};
			if (fits) {
				return candidate;
			}
		}
		throw mismatch(value, union);
	}

	private static String text(Object value, Schema schema) {
		if (value instanceof CharSequence text) {
			return text.toString();
		}
		throw mismatch(value, schema);
	}

	private static Number number(Object value, Schema schema) {
		if (value instanceof Number number) {
			return number;
		}
		throw mismatch(value, schema);
	}

	private static byte[] bytes(Object value, Schema schema) {
		if (value instanceof ByteString bytes) {
			return bytes.toByteArray();
		}
		if (value instanceof CelByteString bytes) {
			return bytes.toByteArray();
		}
		if (value instanceof byte[] bytes) {
			return bytes;
		}
		throw mismatch(value, schema);
	}

	/** {@link AvroCelValues} gives a decimal as a double; back at the schema's scale. */
	private static Object decimal(Object value, Schema schema, LogicalTypes.Decimal decimal, GenericData model) {
		BigDecimal number = BigDecimal.valueOf(number(value, schema).doubleValue())
			.setScale(decimal.getScale(), RoundingMode.HALF_EVEN);
		if (model.getConversionFor(decimal) != null) {
			return number;
		}
		return new Conversions.DecimalConversion().toBytes(number, schema, decimal);
	}

	static boolean isNull(Object value) {
		return value == null || value instanceof com.google.protobuf.NullValue
				|| value instanceof dev.cel.common.values.NullValue;
	}

	private static boolean nullable(Schema schema) {
		return schema.getType() == Schema.Type.UNION
				&& schema.getTypes().stream().anyMatch((type) -> type.getType() == Schema.Type.NULL);
	}

	private static IllegalArgumentException mismatch(Object value, Schema schema) {
		return new IllegalArgumentException("the expression gave a " + value.getClass().getSimpleName()
				+ " where the schema has "
				+ ((schema.getType() == Schema.Type.RECORD) ? schema.getFullName() : schema.getType().getName()));
	}

}
