package dev.orderflow.schemaregistry.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

import dev.orderflow.schemaregistry.client.SchemaMetadata;
import dev.orderflow.schemaregistry.client.SchemaRegistryClient;
import dev.orderflow.schemaregistry.client.SchemaRegistryException;
import dev.orderflow.schemaregistry.rules.ClasspathDataContracts;
import dev.orderflow.schemaregistry.rules.DataContract;
import dev.orderflow.schemaregistry.rules.Rule;
import dev.orderflow.schemaregistry.rules.RuleConditionException;
import dev.orderflow.schemaregistry.rules.RuleDeadLetters;
import dev.orderflow.schemaregistry.rules.RuleEnforcer;

/**
 * Serializes Avro data (generated SpecificRecords, GenericRecords, or primitives) in
 * Confluent's wire format, registering or looking up the schema under the subject the
 * configured strategy names. A drop-in for Confluent's {@code KafkaAvroSerializer}: same
 * config keys (see {@link AvroSerdeConfig}), same bytes. {@code null} is written as
 * {@code null} so tombstones stay tombstones. Thread-safe, as a producer's serializer
 * must be.
 * <p>
 * <b>Data contracts.</b> When it registers a record's schema it registers the rules kept
 * beside it ({@link ClasspathDataContracts}); before a record leaves the producer it
 * evaluates the {@code WRITE} and {@code WRITEREAD} conditions of the schema version it
 * writes with, as Confluent's serializer does: a broken rule with {@code onFailure}
 * {@code ERROR} throws a {@link RuleConditionException} naming the rule and its fields,
 * with {@code DLQ} the record goes to {@code <topic>.DLT} (or the rule's
 * {@code dlq.topic}) with a {@code __rule.name} header first.
 * {@value #RULES_ENABLED}{@code =false} turns the evaluation off.
 */
public class KafkaAvroSerializer implements Serializer<Object> {

	/** Ours, not Confluent's: whether rules are evaluated (default {@code true}). */
	public static final String RULES_ENABLED = "orderflow.rules.enabled";

	private SchemaRegistryClient client;

	private AvroSerdeConfig config;

	private boolean isKey;

	private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();

	private final Map<String, Latest> latestBySubject = new ConcurrentHashMap<>();

	private final Map<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

	private final RuleEnforcer rules = new RuleEnforcer();

	private boolean rulesEnabled = true;

	private RuleDeadLetters deadLetters;

	/**
	 * For Kafka, which instantiates serializers reflectively and then calls
	 * {@link #configure}.
	 */
	public KafkaAvroSerializer() {
	}

	/** With a given client; {@code schema.registry.url} is then not needed. */
	public KafkaAvroSerializer(SchemaRegistryClient client) {
		this.client = client;
	}

	/**
	 * A configured serializer with a given client, for code outside Kafka's
	 * configuration.
	 */
	public KafkaAvroSerializer(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
		this(client);
		configure(configs, isKey);
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		this.config = AvroSerdeConfig.from(configs, this.client == null);
		this.isKey = isKey;
		if (this.client == null) {
			this.client = this.config.createClient();
		}
		this.rulesEnabled = rulesEnabled(configs);
		this.deadLetters = new RuleDeadLetters(configs);
	}

	static boolean rulesEnabled(Map<String, ?> configs) {
		Object value = configs.get(RULES_ENABLED);
		return value == null || Boolean.parseBoolean(value.toString().trim());
	}

	@Override
	public byte[] serialize(String topic, Object data) {
		return serialize(topic, null, data);
	}

	@Override
	public byte[] serialize(String topic, Headers headers, Object data) {
		if (data == null) {
			return null;
		}
		if (this.config == null) {
			throw new IllegalStateException("KafkaAvroSerializer used before configure()");
		}
		Schema schema = schemaOf(data);
		String subject = subject(topic, schema);
		Schema writerSchema = schema;
		int id;
		try {
			if (this.config.useLatestVersion()) {
				Latest latest = latest(subject);
				writerSchema = latest.schema();
				id = latest.id();
			}
			else {
				id = this.ids.computeIfAbsent(new SubjectSchema(subject, schema), this::registerOrLookUp);
			}
		}
		catch (SchemaRegistryException ex) {
			throw new SerializationException(
					"Error " + (this.config.autoRegisterSchemas() ? "registering" : "looking up") + " Avro schema "
							+ schema.getFullName() + " under subject '" + subject + "': " + ex.getMessage(),
					ex);
		}
		Object record = data;
		if (this.rulesEnabled && data instanceof GenericContainer) {
			record = enforce(topic, headers, subject, schema, id, writerSchema, data);
		}
		return write(id, writerSchema, record, topic);
	}

	/** Runs the WRITE rules: the record to write (transformed, if a rule says so). */
	private Object enforce(String topic, Headers headers, String subject, Schema schema, int id, Schema writerSchema,
			Object data) {
		DataContract contract;
		try {
			contract = this.client.getDataContract(id);
		}
		catch (SchemaRegistryException ex) {
			throw new SerializationException("Error retrieving the rules of schema id " + id + " (subject '" + subject
					+ "'): " + ex.getMessage(), ex);
		}
		try {
			return this.rules.apply(schema, contract, data, true, subject);
		}
		catch (RuleConditionException broken) {
			if (Rule.DLQ.equals(broken.action())) {
				this.deadLetters.send(topic, headers, write(id, writerSchema, data, topic), broken, subject);
			}
			throw broken;
		}
	}

	private String subject(String topic, Schema schema) {
		try {
			return this.config.subjectNameStrategy(this.isKey).subjectName(topic, this.isKey, schema);
		}
		catch (IllegalArgumentException ex) {
			throw new SerializationException(ex.getMessage(), ex);
		}
	}

	private int registerOrLookUp(SubjectSchema key) {
		String schema = key.schema().toString();
		return this.config.autoRegisterSchemas()
				? this.client.register(key.subject(), schema, this.config.normalizeSchemas(),
						ClasspathDataContracts.of(key.schema()))
				: this.client.getId(key.subject(), schema, this.config.normalizeSchemas());
	}

	private Latest latest(String subject) {
		Latest cached = this.latestBySubject.get(subject);
		if (cached != null && !cached.expired(this.config.latestCacheTtl())) {
			return cached;
		}
		SchemaMetadata metadata = this.client.getLatestSchemaMetadata(subject);
		Latest latest = new Latest(metadata.id(), new Schema.Parser().parse(metadata.schema()), System.nanoTime());
		this.latestBySubject.put(subject, latest);
		return latest;
	}

	private byte[] write(int id, Schema schema, Object data, String topic) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(WireFormat.MAGIC_BYTE);
		out.writeBytes(ByteBuffer.allocate(WireFormat.ID_SIZE).putInt(id).array());
		try {
			BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
			WriterKey key = new WriterKey(schema, data instanceof SpecificRecord);
			// Avro writes bytes from a ByteBuffer only
			Object value = (data instanceof byte[] bytes) ? ByteBuffer.wrap(bytes) : data;
			this.writers.computeIfAbsent(key, KafkaAvroSerializer::writerFor).write(value, encoder);
			encoder.flush();
		}
		catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException ex) {
			throw new SerializationException("Error serializing Avro data of type " + schema.getFullName()
					+ " with schema id " + id + " for topic '" + topic + "': " + ex.getMessage(), ex);
		}
		return out.toByteArray();
	}

	private static DatumWriter<Object> writerFor(WriterKey key) {
		if (key.specific()) {
			// the generated class's own model carries its logical-type conversions (UUID,
			// Instant)
			return new SpecificDatumWriter<>(key.schema(), SpecificData.getForSchema(key.schema()));
		}
		return new GenericDatumWriter<>(key.schema(), GenericData.get());
	}

	/**
	 * The schema of Avro data: the record's own, or the primitive schema of a Java value.
	 */
	static Schema schemaOf(Object data) {
		if (data instanceof GenericContainer container) {
			return container.getSchema();
		}
		if (data instanceof CharSequence) {
			return Schema.create(Schema.Type.STRING);
		}
		if (data instanceof Integer) {
			return Schema.create(Schema.Type.INT);
		}
		if (data instanceof Long) {
			return Schema.create(Schema.Type.LONG);
		}
		if (data instanceof Boolean) {
			return Schema.create(Schema.Type.BOOLEAN);
		}
		if (data instanceof Float) {
			return Schema.create(Schema.Type.FLOAT);
		}
		if (data instanceof Double) {
			return Schema.create(Schema.Type.DOUBLE);
		}
		if (data instanceof byte[] || data instanceof ByteBuffer) {
			return Schema.create(Schema.Type.BYTES);
		}
		throw new SerializationException("Cannot serialize " + data.getClass().getName()
				+ " with Avro: use a generated SpecificRecord, a GenericRecord or a primitive");
	}

	@Override
	public void close() {
		// the client is shared (mock scope) or holds no resources that need closing
		if (this.deadLetters != null) {
			this.deadLetters.close();
		}
	}

	private record SubjectSchema(String subject, Schema schema) {
	}

	private record WriterKey(Schema schema, boolean specific) {
	}

	private record Latest(int id, Schema schema, long fetchedAtNanos) {

		boolean expired(Duration ttl) {
			return !ttl.isNegative() && System.nanoTime() - this.fetchedAtNanos > ttl.toNanos();
		}

	}

}
