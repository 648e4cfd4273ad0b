package dev.orderflow.events.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The current event contracts: every {@code .avsc} of {@code src/main/avro}, parsed the
 * way the Avro plugin parses them (shared records such as OrderLine resolved and
 * inlined), and the rules every event must follow.
 */
final class EventSchemas {

	/**
	 * Topic of each event, by the prefix of its name: Order* on orders, Stock* on
	 * inventory.
	 */
	private static final Map<String, String> TOPIC_BY_PREFIX = Map.of("Order", "orders", "Stock", "inventory");

	private final Map<Path, Schema> schemasByFile;

	private EventSchemas(Map<Path, Schema> schemasByFile) {
		this.schemasByFile = schemasByFile;
	}

	/**
	 * Parses every {@code .avsc} in {@code directory}. Files may name records of other
	 * files, so parsing repeats, each round with the types known so far, until every file
	 * parsed.
	 */
	static EventSchemas load(Path directory) throws IOException {
		List<Path> pending;
		try (Stream<Path> files = Files.list(directory)) {
			pending = files.filter((file) -> file.toString().endsWith(".avsc")).sorted().toList();
		}
		return parse(pending, List.of());
	}

	/** Parses {@code files}, which may name records of {@code known} schemas too. */
	static EventSchemas parse(List<Path> files, List<Schema> known) throws IOException {
		Map<Path, Schema> parsed = new LinkedHashMap<>();
		List<Path> pending = new ArrayList<>(files);
		List<Schema> types = new ArrayList<>(known);
		Map<Path, String> lastErrors = new LinkedHashMap<>();
		for (int round = 0; round <= files.size() && !pending.isEmpty(); round++) {
			for (Path file : List.copyOf(pending)) {
				try {
					Schema schema = new Schema.Parser().addTypes(types).parse(file.toFile());
					parsed.put(file, schema);
					types.add(schema);
					pending.remove(file);
				}
				catch (AvroRuntimeException ex) {
					lastErrors.put(file, ex.getMessage());
				}
			}
		}
		if (!pending.isEmpty()) {
			throw new IllegalStateException("Cannot parse " + pending + ": " + lastErrors);
		}
		return new EventSchemas(parsed);
	}

	/** The schema parsed from that file. */
	Schema schemaOf(Path file) {
		return this.schemasByFile.get(file);
	}

	/** Every parsed record, by file. */
	Map<Path, Schema> all() {
		return this.schemasByFile;
	}

	/**
	 * The events, by file: the top-level records no other schema uses as a part (so
	 * OrderLine, a part of several events, is not one).
	 */
	Map<Path, Schema> events() {
		Set<String> parts = new TreeSet<>();
		this.schemasByFile.values()
			.forEach((schema) -> schema.getFields().forEach((field) -> collectNames(field.schema(), parts)));
		Map<Path, Schema> events = new LinkedHashMap<>();
		this.schemasByFile.forEach((file, schema) -> {
			if (!parts.contains(schema.getFullName())) {
				events.put(file, schema);
			}
		});
		return events;
	}

	/**
	 * The registry subject of an event under TopicRecordNameStrategy, e.g.
	 * {@code orders-dev.orderflow.events.OrderPlaced}.
	 */
	static String subjectOf(Schema event) {
		return TOPIC_BY_PREFIX.entrySet()
			.stream()
			.filter((entry) -> event.getName().startsWith(entry.getKey()))
			.map((entry) -> entry.getValue() + "-" + event.getFullName())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No topic known for event " + event.getName()
					+ ": name it Order* (topic orders) or Stock* (topic inventory), or extend TOPIC_BY_PREFIX"));
	}

	/**
	 * What an event breaks of the house rules: a doc on the record and on every field
	 * (nested records and enums included), and the envelope every consumer relies on:
	 * {@code eventId} (string/uuid), {@code orderId} (string), {@code occurredAt}
	 * (long/timestamp-millis).
	 */
	static List<String> contractProblems(Schema event) {
		List<String> problems = new ArrayList<>();
		requireDocs(event, event.getName(), problems, new TreeSet<>());
		requireField(event, "eventId", Schema.Type.STRING, LogicalTypes.uuid(), problems);
		requireField(event, "orderId", Schema.Type.STRING, null, problems);
		requireField(event, "occurredAt", Schema.Type.LONG, LogicalTypes.timestampMillis(), problems);
		return problems;
	}

	private static void requireDocs(Schema schema, String path, List<String> problems, Set<String> seen) {
		switch (schema.getType()) {
			case RECORD -> {
				if (!seen.add(schema.getFullName())) {
					return;
				}
				requireDoc(schema.getDoc(), "record " + path, problems);
				for (Schema.Field field : schema.getFields()) {
					requireDoc(field.doc(), "field " + path + "." + field.name(), problems);
					requireDocs(field.schema(), path + "." + field.name(), problems, seen);
				}
			}
			case ENUM -> requireDoc(schema.getDoc(), "enum " + schema.getName() + " (" + path + ")", problems);
			case ARRAY -> requireDocs(schema.getElementType(), path + "[]", problems, seen);
			case MAP -> requireDocs(schema.getValueType(), path + "{}", problems, seen);
			case UNION -> schema.getTypes().forEach((branch) -> requireDocs(branch, path, problems, seen));
			default -> {
			}
		}
	}

	private static void requireDoc(String doc, String what, List<String> problems) {
		if (doc == null || doc.isBlank()) {
			problems.add(what + " has no doc");
		}
	}

	private static void requireField(Schema event, String name, Schema.Type type, LogicalType logicalType,
			List<String> problems) {
		Schema.Field field = event.getField(name);
		if (field == null) {
			problems.add(event.getName() + " has no field '" + name + "'");
			return;
		}
		Schema schema = field.schema();
		String expected = type.getName() + ((logicalType != null) ? " with logicalType " + logicalType.getName() : "");
		boolean typeMatches = schema.getType() == type;
		boolean logicalMatches = (logicalType == null) ? schema.getLogicalType() == null
				: schema.getLogicalType() != null && logicalType.getName().equals(schema.getLogicalType().getName());
		if (!typeMatches || !logicalMatches) {
			problems.add(event.getName() + "." + name + " must be " + expected + ", is " + schema);
		}
	}

	private static void collectNames(Schema schema, Set<String> names) {
		switch (schema.getType()) {
			case RECORD -> {
				if (names.add(schema.getFullName())) {
					schema.getFields().forEach((field) -> collectNames(field.schema(), names));
				}
			}
			case ENUM, FIXED -> names.add(schema.getFullName());
			case ARRAY -> collectNames(schema.getElementType(), names);
			case MAP -> collectNames(schema.getValueType(), names);
			case UNION -> schema.getTypes().forEach((branch) -> collectNames(branch, names));
			default -> {
			}
		}
	}

}
