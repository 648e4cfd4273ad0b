package dev.orderflow.eventing.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;

import dev.orderflow.schemaregistry.client.SchemaRegistryClient;
import dev.orderflow.schemaregistry.rules.PiiMasking;
import dev.orderflow.schemaregistry.serde.AvroSerdeConfig;
import dev.orderflow.schemaregistry.serde.KafkaAvroDeserializer;
import dev.orderflow.schemaregistry.serde.KafkaAvroSerializer;

/**
 * A human-readable preview of a dead letter's value: the Avro record as JSON when its
 * bytes are Confluent Avro with a known schema, else the text itself when it is UTF-8,
 * else base64. Fields its schema version tags {@code PII} read {@code ****}
 * (docs/decisions/0019), and so does every e-mail address in a text preview: the preview
 * is for operators, not a copy of customer data. Rules are not evaluated: a dead letter
 * is previewed precisely because it may break them.
 */
class ValuePreview {

	private final Deserializer<Object> avro;

	private final SchemaRegistryClient registry;

	private final int maxLength;

	ValuePreview(Map<String, Object> consumerConfig, int maxLength) {
		Map<String, Object> config = new HashMap<>(consumerConfig);
		// generic records: a preview must not depend on the generated classes being on
		// the classpath
		config.put("specific.avro.reader", false);
		config.put(KafkaAvroSerializer.RULES_ENABLED, false);
		this.registry = AvroSerdeConfig.from(config, true).createClient();
		this.avro = new KafkaAvroDeserializer(this.registry, config, false);
		this.maxLength = maxLength;
	}

	String of(String topic, byte[] value) {
		if (value == null) {
			return null;
		}
		return truncate(avroJson(topic, value).orElseGet(() -> PiiMasking.maskEmails(text(value))));
	}

	private Optional<String> avroJson(String topic, byte[] value) {
		if (value.length < 5 || value[0] != 0) {
			return Optional.empty();
		}
		try {
			Object record = this.avro.deserialize(topic, value);
			if (record instanceof GenericRecord generic) {
				int id = ByteBuffer.wrap(value, 1, 4).getInt();
				record = PiiMasking.masked(generic, this.registry.getDataContract(id).metadata());
			}
			return Optional.ofNullable(record).map(Object::toString);
		}
		catch (RuntimeException ex) {
			// unknown schema id or not Avro after all: a poison pill, shown as bytes
			return Optional.empty();
		}
	}

	private static String text(byte[] value) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(value))
				.toString();
			if (text.chars().noneMatch((c) -> Character.isISOControl(c) && !Character.isWhitespace(c))) {
				return text;
			}
		}
		catch (CharacterCodingException ex) {
			// binary, falls through to base64
		}
		return "base64:" + Base64.getEncoder().encodeToString(value);
	}

	private String truncate(String preview) {
		return (preview.length() <= this.maxLength) ? preview : preview.substring(0, this.maxLength) + "…";
	}

}
