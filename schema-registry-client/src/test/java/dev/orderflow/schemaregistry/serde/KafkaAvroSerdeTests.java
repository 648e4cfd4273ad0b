package dev.orderflow.schemaregistry.serde;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.orderflow.schemaregistry.client.MockSchemaRegistry;
import dev.orderflow.schemaregistry.client.MockSchemaRegistryClient;
import dev.orderflow.schemaregistry.client.SchemaRegistryUnavailableException;
import dev.orderflow.schemaregistry.fixtures.ParcelShipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KafkaAvroSerdeTests {

	private static final String TOPIC = "orders";

	private static final String CONFLUENT_TOPIC_RECORD_NAME = "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy";

	/**
	 * Version 1 of ParcelShipped: the generated class is version 2, which added 'carrier'
	 * with a default.
	 */
	private static final Schema PARCEL_SHIPPED_V1 = SchemaBuilder.record("ParcelShipped")
		.namespace("dev.orderflow.schemaregistry.fixtures")
		.fields()
		.name("eventId")
		.type(uuid())
		.noDefault()
		.requiredString("orderId")
		.name("occurredAt")
		.type(timestampMillis())
		.noDefault()
		.requiredInt("parcels")
		.endRecord();

	private final String scope = "serde-" + UUID.randomUUID();

	private final MockSchemaRegistryClient registry = MockSchemaRegistry.getClientForScope(this.scope);

	@AfterEach
	void dropRegistry() {
		MockSchemaRegistry.dropScope(this.scope);
	}

	@Test
	void roundTripsSpecificRecordThroughMockRegistry() {
		ParcelShipped event = parcelShipped();

		byte[] bytes = serializer(Map.of()).serialize(TOPIC, event);
		Object read = deserializer(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true)).deserialize(TOPIC, bytes);

		assertThat(read).isInstanceOf(ParcelShipped.class).isEqualTo(event);
	}

	@Test
	void writesConfluentWireFormat() {
		byte[] bytes = serializer(Map.of()).serialize(TOPIC, parcelShipped());

		int id = this.registry.getLatestSchemaMetadata("orders-dev.orderflow.schemaregistry.fixtures.ParcelShipped")
			.id();
		assertThat(bytes[0]).isZero();
		assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
	}

	@Test
	void registersUnderTopicRecordNameSubject() {
		Schema orderPlaced = SchemaBuilder.record("OrderPlaced")
			.namespace("dev.orderflow.events")
			.fields()
			.requiredString("orderId")
			.endRecord();
		GenericRecord record = new GenericData.Record(orderPlaced);
		record.put("orderId", "order-1");

		serializer(Map.of()).serialize(TOPIC, record);

		assertThat(this.registry.getAllSubjects()).containsExactly("orders-dev.orderflow.events.OrderPlaced");
	}

	@Test
	void acceptsOwnStrategyClassNames() {
		Map<String, Object> config = Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
				"dev.orderflow.schemaregistry.serde.subject.RecordNameStrategy");

		serializer(config).serialize(TOPIC, parcelShipped());

		assertThat(this.registry.getAllSubjects())
			.containsExactly("dev.orderflow.schemaregistry.fixtures.ParcelShipped");
	}

	@Test
	void usesTopicNameStrategyByDefault() {
		KafkaAvroSerializer serializer = new KafkaAvroSerializer();
		serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + this.scope), true);

		serializer.serialize(TOPIC, "order-1");

		assertThat(this.registry.getAllSubjects()).containsExactly("orders-key");
	}

	@Test
	void readsGenericRecordUnlessSpecificReaderIsOn() {
		byte[] bytes = serializer(Map.of()).serialize(TOPIC, parcelShipped());

		Object read = deserializer(Map.of()).deserialize(TOPIC, bytes);

		assertThat(read).isInstanceOf(GenericRecord.class).isNotInstanceOf(ParcelShipped.class);
		assertThat(((GenericRecord) read).get("orderId")).hasToString("order-1");
	}

	@Test
	void readsOlderWriterVersionIntoNewerClassFillingDefaults() {
		GenericRecord v1 = new GenericData.Record(PARCEL_SHIPPED_V1);
		v1.put("eventId", UUID.randomUUID().toString());
		v1.put("orderId", "order-1");
		v1.put("occurredAt", 1_700_000_000_000L);
		v1.put("parcels", 2);

		byte[] bytes = serializer(Map.of()).serialize(TOPIC, v1);
		ParcelShipped read = (ParcelShipped) deserializer(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true"))
			.deserialize(TOPIC, bytes);

		assertThat(read.getCarrier()).isEqualTo("POST");
		assertThat(read.getParcels()).isEqualTo(2);
		assertThat(read.getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
	}

	@Test
	void serializesWithLatestVersionWhenAsked() {
		String subject = "orders-dev.orderflow.schemaregistry.fixtures.ParcelShipped";
		this.registry.register(subject, PARCEL_SHIPPED_V1.toString());
		int latest = this.registry.register(subject, ParcelShipped.getClassSchema().toString());
		Map<String, Object> config = Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false,
				AvroSerdeConfig.USE_LATEST_VERSION, true);

		byte[] bytes = serializer(config).serialize(TOPIC, parcelShipped());

		assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latest);
	}

	@Test
	void refusesUnregisteredSchemaWhenAutoRegisterIsOff() {
		KafkaAvroSerializer serializer = serializer(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"));

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> serializer.serialize(TOPIC, parcelShipped()))
			.withMessageContaining("orders-dev.orderflow.schemaregistry.fixtures.ParcelShipped");
	}

	@Test
	void refusesSchemaIncompatibleWithRegisteredVersion() {
		KafkaAvroSerializer serializer = serializer(Map.of());
		serializer.serialize(TOPIC, parcelShipped());
		Schema withRequiredField = SchemaBuilder.record("ParcelShipped")
			.namespace("dev.orderflow.schemaregistry.fixtures")
			.fields()
			.requiredString("orderId")
			.requiredString("warehouse")
			.endRecord();
		GenericRecord record = new GenericData.Record(withRequiredField);
		record.put("orderId", "order-1");
		record.put("warehouse", "north");

		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> serializer.serialize(TOPIC, record))
			.withMessageContaining("incompatible")
			.withMessageContaining("warehouse");
	}

	@Test
	void mapsNullToNullForTombstones() {
		assertThat(serializer(Map.of()).serialize(TOPIC, null)).isNull();
		assertThat(deserializer(Map.of()).deserialize(TOPIC, null)).isNull();
	}

	@Test
	void roundTripsPrimitives() {
		KafkaAvroSerializer serializer = serializer(Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
				"io.confluent.kafka.serializers.subject.TopicNameStrategy"));
		KafkaAvroDeserializer deserializer = deserializer(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true));

		assertThat(deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, "hello"))).isEqualTo("hello");
		// another topic: under TopicNameStrategy, long after string in one subject is
		// incompatible
		assertThat(deserializer.deserialize("counters", serializer.serialize("counters", 42L))).isEqualTo(42L);
	}

	@Test
	void rejectsPoisonPillWithWrongMagicByte() {
		byte[] json = "{\"orderId\":\"order-1\"}".getBytes();

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, json))
			.withMessageStartingWith("Unknown magic byte 0x7b");
	}

	@Test
	void rejectsRecordTooShortForTheHeader() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, new byte[] { 0, 0, 1 }))
			.withMessageStartingWith("Unknown magic byte")
			.withMessageContaining("only 3 bytes");
	}

	@Test
	void rejectsUnknownSchemaIdNamingIt() {
		byte[] bytes = ByteBuffer.allocate(6).put((byte) 0).putInt(4242).put((byte) 2).array();

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, bytes))
			.withMessageContaining("Schema id 4242");
	}

	@Test
	void anUnreachableRegistryIsReportedAsTheCauseSoConsumersCanWait() throws Exception {
		byte[] bytes = serializer(Map.of()).serialize(TOPIC, parcelShipped());
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		KafkaAvroDeserializer unreachable = deserializer(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
				"http://127.0.0.1:" + closedPort, AvroSerdeConfig.CONNECT_TIMEOUT_MS, 2000));

		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> unreachable.deserialize(TOPIC, bytes))
			.withMessageContaining("Schema registry unavailable")
			.havingCause()
			.isInstanceOf(SchemaRegistryUnavailableException.class);
	}

	@Test
	void rejectsTruncatedAvroBody() {
		byte[] bytes = serializer(Map.of()).serialize(TOPIC, parcelShipped());
		byte[] truncated = java.util.Arrays.copyOf(bytes, 8);

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, truncated))
			.withMessageContaining("Error deserializing Avro data with schema id");
	}

	private KafkaAvroSerializer serializer(Map<String, ?> overrides) {
		KafkaAvroSerializer serializer = new KafkaAvroSerializer();
		serializer.configure(config(overrides), false);
		return serializer;
	}

	private KafkaAvroDeserializer deserializer(Map<String, ?> overrides) {
		KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
		deserializer.configure(config(overrides), false);
		return deserializer;
	}

	private Map<String, Object> config(Map<String, ?> overrides) {
		Map<String, Object> config = new HashMap<>();
		config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + this.scope);
		config.put(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, CONFLUENT_TOPIC_RECORD_NAME);
		config.putAll(overrides);
		return config;
	}

	private static ParcelShipped parcelShipped() {
		return ParcelShipped.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId("order-1")
			.setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			.setParcels(3)
			.setCarrier("DHL")
			.build();
	}

	private static Schema uuid() {
		return org.apache.avro.LogicalTypes.uuid().addToSchema(Schema.create(Schema.Type.STRING));
	}

	private static Schema timestampMillis() {
		return org.apache.avro.LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
	}

}
