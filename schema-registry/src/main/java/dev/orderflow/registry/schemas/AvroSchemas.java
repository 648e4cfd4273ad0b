package dev.orderflow.registry.schemas;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.avro.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.orderflow.registry.store.SchemaVersion;
import dev.orderflow.registry.web.Errors;

/**
 * Turns a request's schema text into the form the registry stores and compares: Avro's
 * own rendering of the parsed schema (as Confluent's canonical string), and with
 * {@code normalize=true} additionally with every JSON object's keys sorted, so two texts
 * that differ only in key order or whitespace get the same id.
 */
public final class AvroSchemas {

	private static final JsonMapper json = JsonMapper.builder().build();

	private AvroSchemas() {
	}

	/**
	 * Validates the request and returns the schema in stored form; 42201 when it is not a
	 * usable Avro schema.
	 */
	public static String canonical(SchemaRequest request, boolean normalize) {
		if (request == null || request.schema() == null || request.schema().isBlank()) {
			throw Errors.invalidSchema("Empty schema");
		}
		String type = (request.schemaType() != null) ? request.schemaType().toUpperCase(Locale.ROOT) : "AVRO";
		if (!"AVRO".equals(type)) {
			throw Errors.invalidSchema("Invalid schema type " + request.schemaType() + ": only AVRO is supported");
		}
		if (request.references() != null && !request.references().isEmpty()) {
			throw Errors.invalidSchema("Schema references are not supported by this registry");
		}
		String rendered = parse(request.schema()).toString();
		return normalize ? sortKeys(rendered) : rendered;
	}

	/** Parses a stored or submitted schema text. */
	public static Schema parse(String schema) {
		try {
			return new Schema.Parser().parse(schema);
		}
		catch (RuntimeException ex) {
			// SchemaParseException for bad Avro; malformed JSON surfaces as other runtime
			// exceptions.
			throw Errors.invalidSchema("Invalid schema " + schema + " of type AVRO, details: " + ex.getMessage());
		}
	}

	/**
	 * The versions' schemas keyed by their version number, so compatibility messages name
	 * the version actually checked rather than its position in the list.
	 */
	public static SortedMap<Integer, Schema> byVersion(List<SchemaVersion> versions) {
		SortedMap<Integer, Schema> schemas = new TreeMap<>();
		versions.forEach((version) -> schemas.put(version.version(), parse(version.schema())));
		return schemas;
	}

	/** The schema text as JSON, for the endpoints that answer with the raw schema. */
	public static JsonNode asJson(String schema) {
		return json.readTree(schema);
	}

	private static String sortKeys(String schema) {
		return json.writeValueAsString(sorted(json.readTree(schema)));
	}

	private static JsonNode sorted(JsonNode node) {
		if (node instanceof ObjectNode object) {
			Map<String, JsonNode> fields = new TreeMap<>();
			object.properties().forEach((entry) -> fields.put(entry.getKey(), sorted(entry.getValue())));
			ObjectNode copy = json.createObjectNode();
			fields.forEach(copy::set);
			return copy;
		}
		if (node instanceof ArrayNode array) {
			ArrayNode copy = json.createArrayNode();
			array.forEach((element) -> copy.add(sorted(element)));
			return copy;
		}
		return node;
	}

}
