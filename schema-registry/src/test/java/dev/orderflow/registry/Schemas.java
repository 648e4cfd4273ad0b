package dev.orderflow.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small factories for Avro record schemas and registration bodies used across the tests.
 */
final class Schemas {

	private Schemas() {
	}

	/** A record {@code test.<name>} with the given fields. */
	static String record(String name, Map<String, Object>... fields) {
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("type", "record");
		schema.put("name", name);
		schema.put("namespace", "test");
		schema.put("fields", List.of(fields));
		return RegistryHttp.text(schema);
	}

	/**
	 * A field, its keys in the order Avro renders them so fixtures equal the stored form.
	 */
	static Map<String, Object> field(String name, String type) {
		Map<String, Object> field = new LinkedHashMap<>();
		field.put("name", name);
		field.put("type", type);
		return field;
	}

	static Map<String, Object> field(String name, String type, Object defaultValue) {
		Map<String, Object> field = field(name, type);
		field.put("default", defaultValue);
		return field;
	}

	static Map<String, Object> body(String schema) {
		return Map.of("schema", schema);
	}

	static Map<String, Object> body(String schema, String schemaType) {
		return Map.of("schema", schema, "schemaType", schemaType);
	}

	static List<Integer> ints(Iterable<?> nodes) {
		List<Integer> values = new ArrayList<>();
		nodes.forEach((node) -> values.add(Integer.valueOf(node.toString())));
		return values;
	}

}
