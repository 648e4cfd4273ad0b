package dev.orderflow.eventing.outbox;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.ProducerRecord;

import dev.orderflow.schemaregistry.client.SchemaRegistryClient;
import dev.orderflow.schemaregistry.client.SchemaRegistryException;
import dev.orderflow.schemaregistry.serde.AvroSerdeConfig;

/**
 * Turns a stored outbox row into the record the relay sends: Confluent's wire format (magic byte,
 * schema id, Avro binary) built from the payload <em>as stored</em> and the id of the schema it
 * was written with. Nothing is decoded or re-encoded, so a relay of another version of the service
 * publishes the row exactly as its writer meant it. The id is registered or looked up under the
 * subject the configured naming strategy gives, as the serializer would ({@code auto.register.schemas}).
 */
class OutboxRecords {

	private static final byte MAGIC_BYTE = 0;

	private final SchemaRegistryClient registry;

	private final AvroSerdeConfig config;

	private final WriterSchemas writerSchemas;

	private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();

	OutboxRecords(SchemaRegistryClient registry, AvroSerdeConfig config, WriterSchemas writerSchemas) {
		this.registry = registry;
		this.config = config;
		this.writerSchemas = writerSchemas;
	}

	/**
	 * @throws UnpublishableEventException when no retry can help: the writer schema is unknown,
	 * or the registry refuses it
	 * @throws SchemaRegistryException when the registry cannot be reached now (retried later)
	 */
	ProducerRecord<String, byte[]> toRecord(PendingEvent event) {
		Schema schema = writerSchema(event);
		String subject = this.config.subjectNameStrategy(false).subjectName(event.topic(), false, schema);
		int id;
		try {
			id = this.ids.computeIfAbsent(new SubjectSchema(subject, schema), this::registerOrLookUp);
		}
		catch (SchemaRegistryException ex) {
			if (isTransient(ex)) {
				throw ex;
			}
			throw new UnpublishableEventException("the schema registry refused schema " + schema.getFullName()
					+ " under subject '" + subject + "': " + ex.getMessage(), ex);
		}
		byte[] value = ByteBuffer.allocate(1 + 4 + event.payload().length)
			.put(MAGIC_BYTE)
			.putInt(id)
			.put(event.payload())
			.array();
		return new ProducerRecord<>(event.topic(), event.key(), value);
	}

	private Schema writerSchema(PendingEvent event) {
		if (event.writerSchema() == null) {
			// written before rows named their schema: by the event class of this version
			return OutboxPayloads.classSchema(event.type());
		}
		return this.writerSchemas.find(event.writerSchema())
			.orElseThrow(() -> new UnpublishableEventException(
					"its writer schema " + event.writerSchema() + " is not in outbox_writer_schema", null));
	}

	private int registerOrLookUp(SubjectSchema key) {
		String schema = key.schema().toString();
		return this.config.autoRegisterSchemas()
				? this.registry.register(key.subject(), schema, this.config.normalizeSchemas())
				: this.registry.getId(key.subject(), schema, this.config.normalizeSchemas());
	}

	/**
	 * The client says when the registry is away (unreachable, 5xx, timeout, throttled); refused
	 * credentials are waited for too: a configuration fix, not a reason to set events aside. A
	 * registry that says the schema is unknown, incompatible or invalid will not change its mind.
	 */
	static boolean isTransient(SchemaRegistryException ex) {
		return ex.isTransient() || ex.httpStatus() == 401 || ex.httpStatus() == 403;
	}

	private record SubjectSchema(String subject, Schema schema) {
	}

}
