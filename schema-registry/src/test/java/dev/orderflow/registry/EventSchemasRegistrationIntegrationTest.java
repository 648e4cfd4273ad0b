package dev.orderflow.registry;

import static dev.orderflow.registry.Schemas.body;
import static dev.orderflow.registry.Schemas.ints;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.orderflow.events.OrderLine;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.registry.RegistryHttp.Response;
import dev.orderflow.schemaregistry.serde.AvroSerdeConfig;
import dev.orderflow.schemaregistry.serde.KafkaAvroDeserializer;
import dev.orderflow.schemaregistry.serde.KafkaAvroSerializer;

/**
 * The released event schemas (events/src/main/schema-history) and the current generated
 * classes register in this registry under the level each subject declares, in release
 * order, and our serde round-trips an event through it with Confluent's wire format.
 * Subjects are the real ones, so registration is written to be idempotent: a schema
 * already registered under a subject gets its existing id back, whichever test ran first.
 */
class EventSchemasRegistrationIntegrationTest extends AbstractRegistryIntegrationTest {

	private static final Path SCHEMA_HISTORY = eventsModule().resolve("src/main/schema-history");

	private static final String ORDER_PLACED_SUBJECT = "orders-" + OrderPlaced.getClassSchema().getFullName();

	@ParameterizedTest
	@MethodSource("subjects")
	void registersEveryReleasedVersionAndThenTheCurrentSchema(String subject) {
		int id = registerHistoryAndCurrent(subject);

		List<Integer> versions = ints(this.http.get("/subjects/" + subject + "/versions").body());
		Response again = this.http.post("/subjects/" + subject + "/versions", body(currentSchema(subject)));
		assertThat(again.status()).as(again.text()).isEqualTo(200);
		assertThat(again.body().get("id").asInt()).isEqualTo(id);
		assertThat(ints(this.http.get("/subjects/" + subject + "/versions").body())).isEqualTo(versions);
	}

	@Test
	void serializesWithConfluentWireFormatAndReadsBackTheSpecificRecord() {
		registerHistoryAndCurrent(ORDER_PLACED_SUBJECT);
		OrderPlaced placed = orderPlaced();

		byte[] bytes;
		try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
			serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, this.http.baseUrl(),
					AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
					"io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"), false);
			bytes = serializer.serialize("orders", placed);
		}

		int latestId = this.http.get("/subjects/" + ORDER_PLACED_SUBJECT + "/versions/latest").body().get("id").asInt();
		ByteBuffer header = ByteBuffer.wrap(bytes, 0, 5);
		assertThat(header.get()).isZero();
		assertThat(header.getInt()).isEqualTo(latestId);
		try (KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer()) {
			deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, this.http.baseUrl(),
					AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
			assertThat(deserializer.deserialize("orders", bytes)).isEqualTo(placed);
		}
	}

	/**
	 * Confluent's deserializer asks for a schema with the subject its own naming strategy
	 * gives ({@code <topic>-value} by default), not the TopicRecordNameStrategy subject
	 * the saga registered under; the subject is a context hint and the id resolves
	 * anyway.
	 */
	@Test
	void resolvesSagaSchemaIdsWhateverSubjectConfluentsDeserializerHints() {
		registerHistoryAndCurrent(ORDER_PLACED_SUBJECT);
		byte[] bytes;
		try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
			serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, this.http.baseUrl(),
					AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
					"io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"), false);
			bytes = serializer.serialize("orders", orderPlaced());
		}
		int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
		String expected = OrderPlaced.getClassSchema().toString();

		for (String hint : List.of("orders-value", "orders-key", "some-other-subject", ":.:orders-value")) {
			Response byId = this.http.get("/schemas/ids/" + id + "?fetchMaxId=false&subject=" + hint);
			assertThat(byId.status()).as("subject hint %s: %s", hint, byId.text()).isEqualTo(200);
			assertThat(byId.body().get("schema").asString()).isEqualTo(expected);
			Response raw = this.http.get("/schemas/ids/" + id + "/schema?subject=" + hint);
			assertThat(raw.status()).as("raw schema, subject hint %s", hint).isEqualTo(200);
			assertThat(raw.body().get("name").asString()).isEqualTo("OrderPlaced");
		}
		// A context this registry does not have holds no schema, as on Confluent's.
		Response otherContext = this.http.get("/schemas/ids/" + id + "?subject=:.tenant-a:orders-value");
		assertThat(otherContext.status()).isEqualTo(404);
		assertThat(otherContext.body().get("error_code").asInt()).isEqualTo(40403);
	}

	/**
	 * Sets the subject's level, registers v1..vN, then the generated class's schema;
	 * returns the id of the last.
	 */
	private int registerHistoryAndCurrent(String subject) {
		Properties levels = compatibilityLevels();
		String level = levels.getProperty(subject, levels.getProperty("default", "BACKWARD"));
		Response config = this.http.put("/config/" + subject, Map.of("compatibility", level));
		assertThat(config.status()).as(config.text()).isEqualTo(200);
		for (Path version : releasedVersions(subject)) {
			Response registered = this.http.post("/subjects/" + subject + "/versions", body(read(version)));
			assertThat(registered.status()).as("%s: %s", version, registered.text()).isEqualTo(200);
		}
		Response current = this.http.post("/subjects/" + subject + "/versions", body(currentSchema(subject)));
		assertThat(current.status()).as("current schema of %s: %s", subject, current.text()).isEqualTo(200);
		return current.body().get("id").asInt();
	}

	static Stream<String> subjects() throws IOException {
		try (Stream<Path> entries = Files.list(SCHEMA_HISTORY)) {
			List<String> subjects = entries.filter(Files::isDirectory)
				.map((dir) -> dir.getFileName().toString())
				.sorted()
				.toList();
			assertThat(subjects).as("subjects under %s", SCHEMA_HISTORY).isNotEmpty();
			return subjects.stream();
		}
	}

	/** v1.avsc, v2.avsc, ... in release order (v10 after v9). */
	private static List<Path> releasedVersions(String subject) {
		try (Stream<Path> files = Files.list(SCHEMA_HISTORY.resolve(subject))) {
			List<Path> versions = files.filter((file) -> file.getFileName().toString().matches("v\\d+\\.avsc"))
				.sorted(Comparator.comparingInt(EventSchemasRegistrationIntegrationTest::versionNumber))
				.toList();
			assertThat(versions).as("released versions of %s", subject).isNotEmpty();
			return versions;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int versionNumber(Path file) {
		String name = file.getFileName().toString();
		return Integer.parseInt(name.substring(1, name.length() - ".avsc".length()));
	}

	/**
	 * The schema of the generated class named by the subject's record part
	 * (TopicRecordNameStrategy).
	 */
	private static String currentSchema(String subject) {
		String recordName = subject.substring(subject.lastIndexOf('-') + 1);
		try {
			return SpecificData.get().getSchema(Class.forName(recordName)).toString();
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("No generated class " + recordName + " for subject " + subject, ex);
		}
	}

	private static Properties compatibilityLevels() {
		Properties levels = new Properties();
		try (Reader reader = Files.newBufferedReader(SCHEMA_HISTORY.resolve("compatibility.properties"))) {
			levels.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return levels;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Maven runs tests in the module directory; the events module is its sibling. */
	private static Path eventsModule() {
		Path workingDirectory = Path.of(System.getProperty("user.dir")).toAbsolutePath();
		Path sibling = workingDirectory.resolveSibling("events");
		return Files.isDirectory(sibling) ? sibling : workingDirectory.resolve("events");
	}

	private static OrderPlaced orderPlaced() {
		return OrderPlaced.newBuilder()
			.setEventId(UUID.fromString("3f0c5a0e-8d7b-4a7e-9a51-0d7f2b1c6e11"))
			// a UUID: OrderPlaced's contract (OrderPlaced.rules.json) refuses anything
			// else at the producer
			.setOrderId("5b2d7c1e-0a4f-4c3b-9e8d-1f2a3b4c5d6e")
			.setOccurredAt(Instant.parse("2025-01-01T10:00:00Z"))
			.setCustomerId("customer-1")
			.setCustomerEmail("ada@example.org")
			.setLines(List.of(OrderLine.newBuilder().setSku("SKU-001").setQuantity(2).build()))
			.build();
	}

}
