package dev.orderflow.schemaregistry.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import dev.orderflow.schemaregistry.client.SchemaMetadata;
import dev.orderflow.schemaregistry.client.SchemaRegistryClient;
import dev.orderflow.schemaregistry.client.SchemaRegistryException;
import dev.orderflow.schemaregistry.client.SchemaRegistryUnavailableException;
import dev.orderflow.schemaregistry.rules.DataContract;
import dev.orderflow.schemaregistry.rules.RuleConditionException;
import dev.orderflow.schemaregistry.rules.RuleEnforcer;

/**
 * Deserializes Confluent's wire format: fetches the writer's schema by the id in the
 * header and decodes to a GenericRecord, or, with {@code specific.avro.reader=true}, to
 * the generated class named by the writer's schema, resolving writer → reader schema so
 * records written with an older or newer compatible version still read. A drop-in for
 * Confluent's {@code KafkaAvroDeserializer}. Bytes that are not in that format, or name
 * an unknown schema id, raise {@link SerializationException}, which Spring Kafka's
 * {@code ErrorHandlingDeserializer} turns into a dead letter rather than an endless
 * retry. A registry that cannot be reached raises one too, but with the client's
 * {@link SchemaRegistryUnavailableException} as its cause: the bytes are fine and will
 * read once the registry is back, so a consumer can tell the two apart (even through the
 * {@code DeserializationException} that wraps it) and wait instead.
 * <p>
 * <b>Data contracts.</b> A record that breaks a {@code READ} or {@code WRITEREAD}
 * condition of the schema version it was written with raises a
 * {@link RuleConditionException} naming the rule; its
 * {@link RuleConditionException#action() action} tells a consumer whether the rule asks
 * for a dead letter ({@code DLQ}) or just an error. A consumer's error handler, which
 * already owns the dead-letter topics, sends it there (the saga's adds the
 * {@code __rule.*} headers). {@code READ} transforms change the record returned.
 * <p>
 * <b>Migration rules.</b> With {@code use.latest.version=true} a record written with
 * another version of its subject than the latest is upgraded (or downgraded) to the
 * latest by the {@code JSONATA} migration rules of the versions between them
 * ({@link Migrations}), then the latest version's READ rules apply. Without migration
 * rules between the versions the record is read as always.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {

	private SchemaRegistryClient client;

	private AvroSerdeConfig config;

	private SpecificData specificData;

	private final Map<Integer, Schema> writerSchemas = new ConcurrentHashMap<>();

	private final Map<Integer, Schema> readerSchemas = new ConcurrentHashMap<>();

	private final Map<ReaderKey, DatumReader<Object>> readers = new ConcurrentHashMap<>();

	private final RuleEnforcer rules = new RuleEnforcer();

	private boolean rulesEnabled = true;

	private boolean isKey;

	private Migrations migrations;

	private final Map<String, Latest> latestBySubject = new ConcurrentHashMap<>();

	/**
	 * For Kafka, which instantiates deserializers reflectively and then calls
	 * {@link #configure}.
	 */
	public KafkaAvroDeserializer() {
	}

	/** With a given client; {@code schema.registry.url} is then not needed. */
	public KafkaAvroDeserializer(SchemaRegistryClient client) {
		this.client = client;
	}

	/**
	 * A configured deserializer with a given client, for code outside Kafka's
	 * configuration.
	 */
	public KafkaAvroDeserializer(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
		this(client);
		configure(configs, isKey);
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		this.config = AvroSerdeConfig.from(configs, this.client == null);
		if (this.client == null) {
			this.client = this.config.createClient();
		}
		this.rulesEnabled = KafkaAvroSerializer.rulesEnabled(configs);
		this.isKey = isKey;
		this.migrations = new Migrations(this.client);
		// generated classes may live in an application class loader Avro's own cannot see
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		this.specificData = new SpecificData((loader != null) ? loader : getClass().getClassLoader());
	}

	@Override
	public Object deserialize(String topic, byte[] data) {
		return deserialize(topic, null, data);
	}

	@Override
	public Object deserialize(String topic, Headers headers, byte[] data) {
		if (data == null) {
			return null;
		}
		if (this.config == null) {
			throw new IllegalStateException("KafkaAvroDeserializer used before configure()");
		}
		ByteBuffer buffer = ByteBuffer.wrap(data);
		int id = readHeader(topic, buffer);
		Schema writerSchema = writerSchema(id, topic);
		if (this.rulesEnabled && this.config.useLatestVersion() && writerSchema.getType() == Schema.Type.RECORD) {
			Object migrated = migrated(topic, id, writerSchema, data);
			if (migrated != null) {
				return migrated;
			}
		}
		Schema readerSchema = this.readerSchemas.computeIfAbsent(id, (key) -> readerSchema(writerSchema));
		DatumReader<Object> reader = this.readers.computeIfAbsent(new ReaderKey(id, readerSchema),
				(key) -> readerFor(writerSchema, readerSchema));
		try {
			Object result = reader.read(null, DecoderFactory.get()
				.binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null));
			if (this.rulesEnabled && result instanceof GenericContainer container) {
				result = enforce(topic, id, container);
			}
			// a top-level string reads as Avro's Utf8; callers expect a String, as with
			// Confluent's
			return (result instanceof Utf8) ? result.toString() : result;
		}
		catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | ClassCastException ex) {
			throw new SerializationException("Error deserializing Avro data with schema id " + id + " ("
					+ writerSchema.getFullName() + ") from topic '" + topic + "': " + ex.getMessage(), ex);
		}
	}

	/** Runs the READ rules: the record to return (transformed, if a rule says so). */
	private Object enforce(String topic, int id, GenericContainer record) {
		DataContract contract;
		try {
			contract = this.client.getDataContract(id);
		}
		catch (SchemaRegistryException ex) {
			throw new SerializationException("Error retrieving the rules of schema id " + id
					+ " for a record from topic '" + topic + "': " + ex.getMessage(), ex);
		}
		return this.rules.apply(record.getSchema(), contract, record, false,
				record.getSchema().getFullName() + " (schema id " + id + ") from topic '" + topic + "'");
	}

	/**
	 * With {@code use.latest.version}, a record written with another version of its
	 * subject than the latest, and migration rules between them: the record upgraded or
	 * downgraded to the latest version ({@link Migrations}), its READ rules applied.
	 * @return {@code null} when there is nothing to migrate
	 */
	private Object migrated(String topic, int id, Schema writerSchema, byte[] data) {
		String subject;
		List<Migrations.Step> steps;
		SchemaMetadata latest;
		try {
			subject = this.config.subjectNameStrategy(this.isKey).subjectName(topic, this.isKey, writerSchema);
			latest = latest(subject);
			if (latest == null) {
				return null;
			}
			steps = this.migrations.plan(subject, id, latest.id(), latest.version());
		}
		catch (IllegalArgumentException ex) {
			// no subject for this record under the strategy: nothing to migrate to
			return null;
		}
		catch (SchemaRegistryException ex) {
			throw new SerializationException("Error retrieving the migration rules of schema id " + id
					+ " for a record from topic '" + topic + "': " + ex.getMessage(), ex);
		}
		if (steps.isEmpty()) {
			return null;
		}
		String what = writerSchema.getFullName() + " (schema id " + id + " to " + latest.id() + ") from topic '" + topic
				+ "'";
		try {
			Object written = new GenericDatumReader<>(writerSchema, writerSchema, GenericData.get()).read(null,
					DecoderFactory.get()
						.binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null));
			GenericContainer record = (GenericContainer) this.migrations.migrate(steps, writerSchema, written, what);
			if (this.config.specificAvroReader()) {
				record = (GenericContainer) specific(record);
			}
			return this.rules.apply(record.getSchema(), this.client.getDataContract(latest.id()), record, false, what);
		}
		catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | ClassCastException ex) {
			throw new SerializationException("Error migrating Avro data with schema id " + id + " ("
					+ writerSchema.getFullName() + ") from topic '" + topic + "': " + ex.getMessage(), ex);
		}
	}

	/** A migrated generic record as the generated class of its schema. */
	private Object specific(GenericContainer record) throws IOException {
		Schema schema = record.getSchema();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
		new GenericDatumWriter<>(schema, GenericData.get()).write(record, encoder);
		encoder.flush();
		return readerFor(schema, readerSchema(schema)).read(null,
				DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
	}

	/**
	 * The subject's latest version, {@code null} when the subject has none (a record read
	 * from a dead-letter topic, say, whose subject nobody registered): remembered as long
	 * as a latest version is.
	 */
	private SchemaMetadata latest(String subject) {
		Latest cached = this.latestBySubject.get(subject);
		if (cached != null && !cached.expired(this.config.latestCacheTtl())) {
			return cached.metadata();
		}
		SchemaMetadata metadata;
		try {
			metadata = this.client.getLatestSchemaMetadata(subject);
		}
		catch (SchemaRegistryException ex) {
			if (!ex.isNotFound()) {
				throw ex;
			}
			metadata = null;
		}
		this.latestBySubject.put(subject, new Latest(metadata, System.nanoTime()));
		return metadata;
	}

	private static int readHeader(String topic, ByteBuffer buffer) {
		if (buffer.remaining() < WireFormat.HEADER_SIZE) {
			throw new SerializationException("Unknown magic byte: a record from topic '" + topic + "' has only "
					+ buffer.remaining() + " bytes, fewer than the " + WireFormat.HEADER_SIZE
					+ " of Confluent's wire format header (magic byte 0 and a 4-byte schema id)");
		}
		byte magic = buffer.get();
		if (magic != WireFormat.MAGIC_BYTE) {
			throw new SerializationException(String.format("Unknown magic byte 0x%02x in a record from topic '%s': "
					+ "not Confluent Avro wire format, which starts with magic byte 0x00 and a 4-byte schema id", magic,
					topic));
		}
		return buffer.getInt();
	}

	private Schema writerSchema(int id, String topic) {
		Schema cached = this.writerSchemas.get(id);
		if (cached != null) {
			return cached;
		}
		String schema;
		try {
			schema = this.client.getSchemaById(id);
		}
		catch (SchemaRegistryException ex) {
			if (ex.isNotFound()) {
				throw new SerializationException("Schema id " + id + " of a record from topic '" + topic
						+ "' was not found in the schema registry", ex);
			}
			if (ex.isTransient()) {
				throw new SerializationException("Schema registry unavailable while retrieving Avro schema id " + id
						+ " for a record from topic '" + topic + "' (the record is not at fault): " + ex.getMessage(),
						ex);
			}
			throw new SerializationException("Error retrieving Avro schema id " + id + " for a record from topic '"
					+ topic + "': " + ex.getMessage(), ex);
		}
		Schema parsed;
		try {
			parsed = new Schema.Parser().parse(schema);
		}
		catch (AvroRuntimeException ex) {
			throw new SerializationException(
					"Schema id " + id + " from the registry is not a valid Avro schema: " + ex.getMessage(), ex);
		}
		Schema previous = this.writerSchemas.putIfAbsent(id, parsed);
		return (previous != null) ? previous : parsed;
	}

	private Schema readerSchema(Schema writerSchema) {
		if (!this.config.specificAvroReader() || writerSchema.getType() != Schema.Type.RECORD) {
			return writerSchema;
		}
		Class<?> type = this.specificData.getClass(writerSchema);
		if (type == null) {
			throw new SerializationException("Could not find class " + writerSchema.getFullName()
					+ " specified in the writer's schema whilst finding the reader's schema for a SpecificRecord "
					+ "(specific.avro.reader=true): is the class generated and on the classpath?");
		}
		return this.specificData.getSchema(type);
	}

	private DatumReader<Object> readerFor(Schema writerSchema, Schema readerSchema) {
		if (!this.config.specificAvroReader() || readerSchema.getType() != Schema.Type.RECORD) {
			return new GenericDatumReader<>(writerSchema, readerSchema, GenericData.get());
		}
		// the generated class's own model carries its logical-type conversions (UUID,
		// Instant)
		SpecificData model = SpecificData.getForClass(this.specificData.getClass(readerSchema));
		return new SpecificDatumReader<>(writerSchema, readerSchema, model);
	}

	@Override
	public void close() {
		// the client is shared (mock scope) or holds no resources that need closing
	}

	private record ReaderKey(int writerId, Schema readerSchema) {
	}

	private record Latest(SchemaMetadata metadata, long fetchedAtNanos) {

		boolean expired(Duration ttl) {
			return !ttl.isNegative() && System.nanoTime() - this.fetchedAtNanos > ttl.toNanos();
		}

	}

}
