package dev.orderflow.eventing.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.producer.ProducerRecord;

import dev.orderflow.schemaregistry.client.SchemaRegistryClient;
import dev.orderflow.schemaregistry.client.SchemaRegistryException;
import dev.orderflow.schemaregistry.rules.ClasspathDataContracts;
import dev.orderflow.schemaregistry.rules.DataContract;
import dev.orderflow.schemaregistry.rules.RuleConditionException;
import dev.orderflow.schemaregistry.rules.RuleEnforcer;
import dev.orderflow.schemaregistry.serde.AvroSerdeConfig;

/**
 * Turns a stored outbox row into the record the relay sends: Confluent's wire format
 * (magic byte, schema id, Avro binary) built from the payload <em>as stored</em> and the
 * id of the schema it was written with. Nothing is decoded or re-encoded, so a relay of
 * another version of the service publishes the row exactly as its writer meant it. The id
 * is registered or looked up under the subject the configured naming strategy gives, as
 * the serializer would ({@code auto.register.schemas}), together with the data contract
 * kept beside the event's schema.
 * <p>
 * The relay is this service's producer, so it enforces the contract as the serializer
 * would: the {@code WRITE}/{@code WRITEREAD} rules of the schema version it publishes
 * with are evaluated on the decoded payload, and an event that breaks one is
 * unpublishable (the relay sets it aside, and order-service closes the order with the
 * rule's message as its reason). No retry can help: the stored payload will not change
 * (docs/decisions/0019).
 */
class OutboxRecords {

	private static final byte MAGIC_BYTE = 0;

	private final SchemaRegistryClient registry;

	private final AvroSerdeConfig config;

	private final WriterSchemas writerSchemas;

	private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();

	private final RuleEnforcer rules = new RuleEnforcer();

	private final boolean rulesEnabled;

	OutboxRecords(SchemaRegistryClient registry, AvroSerdeConfig config, WriterSchemas writerSchemas,
			boolean rulesEnabled) {
		this.registry = registry;
		this.config = config;
		this.writerSchemas = writerSchemas;
		this.rulesEnabled = rulesEnabled;
	}

	/**
	 * @throws UnpublishableEventException when no retry can help: the writer schema is
	 * unknown, or the registry refuses it
	 * @throws SchemaRegistryException when the registry cannot be reached now (retried
	 * later)
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
		if (this.rulesEnabled) {
			enforce(event, schema, subject, id);
		}
		byte[] value = ByteBuffer.allocate(1 + 4 + event.payload().length)
			.put(MAGIC_BYTE)
			.putInt(id)
			.put(event.payload())
			.array();
		return new ProducerRecord<>(event.topic(), event.key(), value);
	}

	private void enforce(PendingEvent event, Schema schema, String subject, int id) {
		DataContract contract;
		try {
			contract = this.registry.getDataContract(id);
		}
		catch (SchemaRegistryException ex) {
			if (isTransient(ex)) {
				throw ex;
			}
			throw new UnpublishableEventException(
					"the schema registry refused the rules of schema id " + id + ": " + ex.getMessage(), ex);
		}
		if (contract.ruleSet() == null) {
			return;
		}
		Object record;
		try {
			record = new GenericDatumReader<>(schema).read(null,
					DecoderFactory.get().binaryDecoder(event.payload(), null));
		}
		catch (IOException | RuntimeException ex) {
			throw new UnpublishableEventException("its payload does not decode with its writer schema "
					+ schema.getFullName() + ": " + ex.getMessage(), ex);
		}
		Optional<RuleConditionException> broken = this.rules.check(schema, contract, record, true, subject);
		if (broken.isPresent()) {
			throw new UnpublishableEventException(broken.get().getMessage(), broken.get());
		}
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
				? this.registry.register(key.subject(), schema, this.config.normalizeSchemas(),
						ClasspathDataContracts.of(key.schema()))
				: this.registry.getId(key.subject(), schema, this.config.normalizeSchemas());
	}

	/**
	 * The client says when the registry is away (unreachable, 5xx, timeout, throttled);
	 * refused credentials are waited for too: a configuration fix, not a reason to set
	 * events aside. A registry that says the schema is unknown, incompatible or invalid
	 * will not change its mind.
	 */
	static boolean isTransient(SchemaRegistryException ex) {
		return ex.isTransient() || ex.httpStatus() == 401 || ex.httpStatus() == 403;
	}

	private record SubjectSchema(String subject, Schema schema) {
	}

}
