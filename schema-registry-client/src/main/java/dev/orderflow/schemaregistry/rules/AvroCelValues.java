package dev.orderflow.schemaregistry.rules;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

/**
 * Avro data (generated or generic records) as the values CEL evaluates, matching
 * {@link AvroCelTypes}: records become maps by field name, numbers
 * {@code long}/{@code double}, text, UUIDs and enums strings, instants epoch
 * milliseconds.
 */
final class AvroCelValues {

	private AvroCelValues() {
	}

	static Object of(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof GenericRecord record) {
			Map<String, Object> fields = new LinkedHashMap<>();
			for (Schema.Field field : record.getSchema().getFields()) {
				fields.put(field.name(), of(record.get(field.pos())));
			}
			return fields;
		}
		if (value instanceof CharSequence || value instanceof java.util.UUID || value instanceof GenericEnumSymbol<?>
				|| value instanceof Enum<?>) {
			return value.toString();
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			return ((Number) value).longValue();
		}
		if (value instanceof Float || value instanceof Double || value instanceof BigDecimal) {
			return ((Number) value).doubleValue();
		}
		if (value instanceof Instant instant) {
			return instant.toEpochMilli();
		}
		if (value instanceof ByteBuffer buffer) {
			return ByteString.copyFrom(buffer.duplicate());
		}
		if (value instanceof GenericFixed fixed) {
			return ByteString.copyFrom(fixed.bytes());
		}
		if (value instanceof Collection<?> collection) {
			List<Object> list = new ArrayList<>(collection.size());
			collection.forEach((element) -> list.add(of(element)));
			return list;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> converted = new LinkedHashMap<>();
			map.forEach((key, element) -> converted.put(key.toString(), of(element)));
			return converted;
		}
		return value;
	}

}
