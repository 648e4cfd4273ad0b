package dev.orderflow.events.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;

import dev.orderflow.schemaregistry.rules.ClasspathDataContracts;
import dev.orderflow.schemaregistry.rules.DataContract;
import dev.orderflow.schemaregistry.rules.Metadata;
import dev.orderflow.schemaregistry.rules.PiiMasking;
import dev.orderflow.schemaregistry.rules.Rule;
import dev.orderflow.schemaregistry.rules.RuleKind;

/**
 * The event catalogue, generated from the {@code .avsc} files and their {@code doc}
 * fields: a Markdown page for humans ({@code docs/events.md}) and an AsyncAPI 3.0
 * document for tools ({@code asyncapi.yaml}, served by every service at
 * {@code /asyncapi.yaml}). Both are committed and {@link EventCatalogueTest} fails when
 * they no longer match the schemas.
 */
final class EventCatalogue {

	/** A topic, who writes it, who reads it and what it carries. */
	record Topic(String name, String owner, List<String> consumers, String description) {
	}

	/** The topics of the saga (docs/design.md's table) and their dead-letter topics. */
	static final List<Topic> TOPICS = List.of(
			new Topic("orders", "order-service", List.of("inventory-service", "notification-service"),
					"Facts about orders, written by order-service through its transactional outbox."),
			new Topic("inventory", "inventory-service", List.of("order-service", "notification-service"),
					"Facts about stock reservations, written by inventory-service through its transactional outbox."),
			new Topic("orders.DLT", "inventory-service and notification-service", List.of(),
					"Records of `orders` that a consumer could not process after its retries (or could not deserialize), "
							+ "copied byte for byte to the same partition, with the failure in headers."),
			new Topic("inventory.DLT", "order-service and notification-service", List.of(),
					"Records of `inventory` that a consumer could not process after its retries (or could not deserialize), "
							+ "copied byte for byte to the same partition, with the failure in headers."));

	/** Headers Spring Kafka's DeadLetterPublishingRecoverer adds to every dead letter. */
	static final List<String> DEAD_LETTER_HEADERS = List.of("kafka_dlt-exception-fqcn", "kafka_dlt-exception-message",
			"kafka_dlt-exception-stacktrace", "kafka_dlt-original-topic", "kafka_dlt-original-partition",
			"kafka_dlt-original-offset", "kafka_dlt-original-consumer-group");

	private final List<Schema> events;

	EventCatalogue(EventSchemas schemas) {
		this.events = schemas.events().values().stream().sorted(EventCatalogue::byTopicThenName).toList();
	}

	/** The events, ordered by topic (as in {@link #TOPICS}) then by name. */
	List<Schema> events() {
		return this.events;
	}

	static String topicOf(Schema event) {
		String subject = EventSchemas.subjectOf(event);
		return subject.substring(0, subject.indexOf('-'));
	}

	private List<Schema> eventsOn(String topic) {
		String base = topic.endsWith(".DLT") ? topic.substring(0, topic.length() - 4) : topic;
		return this.events.stream().filter((event) -> topicOf(event).equals(base)).toList();
	}

	// ---- Markdown ----

	String markdown() {
		StringBuilder md = new StringBuilder();
		md.append(
				"<!-- GENERATED from events/src/main/avro/*.avsc and *.rules.json by EventCatalogue: do not edit by hand.\n")
			.append("     Regenerate: ./mvnw -pl events test -Dtest=EventCatalogueTest -Dorderflow.regenerate=true -->\n\n")
			.append("# Event catalogue\n\n")
			.append("Every event of the saga, generated from its Avro schema (`events/src/main/avro`). ")
			.append("Each is registered under Confluent's TopicRecordNameStrategy, subject `<topic>-<record full name>`; ")
			.append("the Kafka record key is always the `orderId`, so every event of one order stays in order on one partition. ")
			.append("The same catalogue, machine-readable, is the AsyncAPI document every service serves at `/asyncapi.yaml`.\n\n");
		md.append("| event | topic | subject | what it means |\n|---|---|---|---|\n");
		for (Schema event : this.events) {
			md.append("| [")
				.append(event.getName())
				.append("](#")
				.append(event.getName().toLowerCase())
				.append(") | `")
				.append(topicOf(event))
				.append("` | `")
				.append(EventSchemas.subjectOf(event))
				.append("` | ")
				.append(cell(event.getDoc()))
				.append(" |\n");
		}
		for (Schema event : this.events) {
			md.append("\n## ").append(event.getName()).append("\n\n").append(event.getDoc()).append("\n\n");
			md.append("- topic: `").append(topicOf(event)).append("`, key: `orderId`\n");
			md.append("- subject: `").append(EventSchemas.subjectOf(event)).append("`\n");
			md.append("- class: `").append(event.getFullName()).append("`\n\n");
			DataContract contract = ClasspathDataContracts.of(event);
			fieldsTable(event, contract.metadata(), md);
			contractSection(event, contract, md);
		}
		md.append("\n## Shared types\n");
		for (Schema part : sharedTypes()) {
			md.append("\n### ").append(part.getName()).append("\n\n").append(part.getDoc()).append("\n\n");
			if (part.getType() == Schema.Type.ENUM) {
				md.append("Symbols: ")
					.append(part.getEnumSymbols().stream().map((s) -> "`" + s + "`").collect(Collectors.joining(", ")));
				if (part.getEnumDefault() != null) {
					md.append(" (readers map unknown symbols to `").append(part.getEnumDefault()).append("`)");
				}
				md.append("\n");
			}
			else {
				fieldsTable(part, null, md);
			}
		}
		return md.toString();
	}

	private static void fieldsTable(Schema record, Metadata metadata, StringBuilder md) {
		md.append("| field | type | description |\n|---|---|---|\n");
		for (Schema.Field field : record.getFields()) {
			String pii = PiiMasking.isPii(metadata, record, field.name()) ? " **PII**" : "";
			md.append("| `")
				.append(field.name())
				.append("` | ")
				.append(cell(typeOf(field)))
				.append(" | ")
				.append(cell(field.doc()))
				.append(pii)
				.append(" |\n");
		}
	}

	/**
	 * The event's data contract (ADR 0019): its rules, and which fields are personal
	 * data.
	 */
	private static void contractSection(Schema event, DataContract contract, StringBuilder md) {
		md.append("\nData contract (`events/src/main/avro/")
			.append(event.getName())
			.append(ClasspathDataContracts.SUFFIX)
			.append("`, registered with the schema; fields marked **PII** are masked in dead-letter previews and logs):\n\n");
		if (contract.ruleSet() == null) {
			md.append("No rules.\n");
			return;
		}
		md.append("| rule | mode | on failure | expression | meaning |\n|---|---|---|---|---|\n");
		for (Rule rule : contract.ruleSet().rules()) {
			md.append("| `")
				.append(rule.name())
				.append("` | ")
				.append(rule.mode())
				.append(" | ")
				.append(cell((rule.onFailure() != null) ? rule.onFailure() : Rule.ERROR))
				.append(" | ")
				.append(kindAndType(rule))
				.append("`")
				.append(rule.expr().replace("|", "\\|"))
				.append("` | ")
				.append(cell(rule.doc()))
				.append(" |\n");
		}
	}

	/**
	 * Nothing for a {@code CEL} condition over {@code message}, the usual rule; otherwise
	 * what the rule is, e.g. "CEL_FIELD TRANSFORM on fields tagged PII: ".
	 */
	static String kindAndType(Rule rule) {
		boolean usual = rule.kind() == RuleKind.CONDITION && "CEL".equals(rule.type()) && rule.tags().isEmpty();
		if (usual) {
			return "";
		}
		return rule.type() + " " + rule.kind()
				+ (rule.tags().isEmpty() ? "" : " on fields tagged " + String.join(", ", rule.tags())) + ": ";
	}

	static String typeOf(Schema.Field field) {
		String type = typeOf(field.schema());
		if (!field.hasDefaultValue()) {
			return type;
		}
		Object value = (field.defaultVal() == JsonProperties.NULL_VALUE) ? "null" : field.defaultVal();
		return type + ", default `" + value + "`";
	}

	private static String typeOf(Schema schema) {
		String logical = (schema.getLogicalType() != null) ? " (" + schema.getLogicalType().getName() + ")" : "";
		return switch (schema.getType()) {
			case RECORD, ENUM, FIXED -> schema.getName();
			case ARRAY -> "array of " + typeOf(schema.getElementType());
			case MAP -> "map of " + typeOf(schema.getValueType());
			case UNION -> schema.getTypes().stream().map(EventCatalogue::typeOf).collect(Collectors.joining(" or "));
			default -> schema.getType().getName() + logical;
		};
	}

	private List<Schema> sharedTypes() {
		Map<String, Schema> parts = new LinkedHashMap<>();
		for (Schema event : this.events) {
			for (Schema.Field field : event.getFields()) {
				collectNamed(field.schema(), parts);
			}
		}
		List<Schema> sorted = new ArrayList<>(parts.values());
		sorted.sort((a, b) -> a.getName().compareTo(b.getName()));
		return sorted;
	}

	private static void collectNamed(Schema schema, Map<String, Schema> parts) {
		switch (schema.getType()) {
			case RECORD -> {
				if (parts.putIfAbsent(schema.getFullName(), schema) == null) {
					schema.getFields().forEach((field) -> collectNamed(field.schema(), parts));
				}
			}
			case ENUM -> parts.putIfAbsent(schema.getFullName(), schema);
			case ARRAY -> collectNamed(schema.getElementType(), parts);
			case MAP -> collectNamed(schema.getValueType(), parts);
			case UNION -> schema.getTypes().forEach((branch) -> collectNamed(branch, parts));
			default -> {
			}
		}
	}

	private static String cell(String text) {
		return (text != null) ? text.replace("|", "\\|").replace("\n", " ") : "";
	}

	// ---- AsyncAPI 3.0 ----

	String asyncApi() {
		StringBuilder y = new StringBuilder();
		y.append(
				"# GENERATED from events/src/main/avro/*.avsc by EventCatalogue (events module tests): do not edit by hand.\n")
			.append("# Regenerate: ./mvnw -pl events test -Dtest=EventCatalogueTest -Dorderflow.regenerate=true\n")
			.append("asyncapi: 3.0.0\n")
			.append("info:\n")
			.append("  title: orderflow events\n")
			.append("  version: 0.1.0\n")
			.append("  description: ")
			.append(quote("The topics and events of the orderflow saga. Payloads are Avro in "
					+ "Confluent's wire format (magic byte 0, 4-byte schema id, Avro binary); subjects follow "
					+ "TopicRecordNameStrategy: <topic>-<record full name>. Human-readable catalogue: docs/events.md."))
			.append("\n")
			.append("defaultContentType: application/vnd.apache.avro+binary\n")
			.append("servers:\n")
			.append("  local:\n")
			.append("    host: 127.0.0.1:9092\n")
			.append("    protocol: kafka\n")
			.append("    description: The broker of ./orderflow up (schema registry at http://127.0.0.1:8081).\n")
			.append("channels:\n");
		for (Topic topic : TOPICS) {
			y.append("  ")
				.append(channelId(topic.name()))
				.append(":\n")
				.append("    address: ")
				.append(quote(topic.name()))
				.append("\n")
				.append("    description: ")
				.append(quote(channelDescription(topic)))
				.append("\n")
				.append("    messages:\n");
			for (Schema event : eventsOn(topic.name())) {
				y.append("      ")
					.append(event.getName())
					.append(":\n")
					.append("        $ref: '#/components/messages/")
					.append(event.getName())
					.append("'\n");
			}
		}
		y.append("operations:\n");
		for (Topic topic : TOPICS) {
			if (topic.name().endsWith(".DLT")) {
				operation(y, "dead-letter-recoverer", "send", topic,
						"The dead-letter recoverer of " + topic.owner() + " sends the records it gave up on");
				continue;
			}
			operation(y, topic.owner(), "send", topic, topic.owner() + " sends the events of " + topic.name());
			for (String consumer : topic.consumers()) {
				operation(y, consumer, "receive", topic, consumer + " receives the events of " + topic.name());
			}
		}
		y.append("components:\n  messages:\n");
		for (Schema event : this.events) {
			y.append("    ")
				.append(event.getName())
				.append(":\n")
				.append("      name: ")
				.append(event.getName())
				.append("\n")
				.append("      title: ")
				.append(event.getName())
				.append("\n")
				.append("      summary: ")
				.append(quote(event.getDoc()))
				.append("\n")
				.append("      x-subject: ")
				.append(quote(EventSchemas.subjectOf(event)))
				.append("\n")
				.append("      bindings:\n        kafka:\n          key:\n            type: string\n")
				.append("            description: The orderId.\n")
				.append("          bindingVersion: 0.5.0\n")
				.append("      payload:\n")
				.append("        schemaFormat: application/vnd.apache.avro;version=1.9.0\n")
				// JSON is YAML: the Avro schema goes in as it is, so tools read it
				// unchanged
				.append("        schema: ")
				.append(event.toString())
				.append("\n");
		}
		return y.toString();
	}

	private void operation(StringBuilder y, String service, String action, Topic topic, String summary) {
		String id = camel(service) + (action.equals("send") ? "Sends" : "Receives")
				+ Character.toUpperCase(topic.name().charAt(0)) + camel(topic.name()).substring(1);
		y.append("  ")
			.append(id)
			.append(":\n")
			.append("    action: ")
			.append(action)
			.append("\n")
			.append("    channel:\n      $ref: '#/channels/")
			.append(channelId(topic.name()))
			.append("'\n")
			.append("    summary: ")
			.append(quote(summary))
			.append("\n")
			.append("    messages:\n");
		for (Schema event : eventsOn(topic.name())) {
			y.append("      - $ref: '#/channels/")
				.append(channelId(topic.name()))
				.append("/messages/")
				.append(event.getName())
				.append("'\n");
		}
	}

	private static String channelDescription(Topic topic) {
		if (topic.name().endsWith(".DLT")) {
			return topic.description() + " Written by the dead-letter recoverer of " + topic.owner() + ". Headers: "
					+ String.join(", ", DEAD_LETTER_HEADERS)
					+ ". A poison pill (bytes that are not Confluent Avro) lands here as it came.";
		}
		return topic.description() + " Key: orderId. Owner: " + topic.owner() + "; consumers: "
				+ String.join(", ", topic.consumers()) + ".";
	}

	/** Channel ids may not contain dots in every tool: orders.DLT becomes ordersDLT. */
	static String channelId(String topic) {
		return topic.replace(".", "");
	}

	private static String camel(String name) {
		StringBuilder out = new StringBuilder();
		boolean upper = true;
		for (char c : name.toCharArray()) {
			if (c == '-' || c == '.') {
				upper = true;
			}
			else {
				out.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return out.substring(0, 1).toLowerCase() + out.substring(1);
	}

	private static String quote(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	private static int byTopicThenName(Schema a, Schema b) {
		List<String> order = TOPICS.stream().map(Topic::name).toList();
		int byTopic = Integer.compare(order.indexOf(topicOf(a)), order.indexOf(topicOf(b)));
		return (byTopic != 0) ? byTopic : a.getName().compareTo(b.getName());
	}

	/** Names of the topics the AsyncAPI document must list. */
	static Set<String> topicNames() {
		return TOPICS.stream().map(Topic::name).collect(Collectors.toCollection(TreeSet::new));
	}

}
