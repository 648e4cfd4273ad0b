package dev.orderflow.eventing.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.serialization.Deserializer;

import dev.orderflow.schemaregistry.serde.KafkaAvroDeserializer;

/**
 * A human-readable preview of a dead letter's value: the Avro record as JSON when its bytes are
 * Confluent Avro with a known schema, else the text itself when it is UTF-8, else base64.
 */
class ValuePreview {

	private final Deserializer<Object> avro;

	private final int maxLength;

	ValuePreview(Map<String, Object> consumerConfig, int maxLength) {
		Map<String, Object> config = new HashMap<>(consumerConfig);
		// generic records: a preview must not depend on the generated classes being on the classpath
		config.put("specific.avro.reader", false);
		KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
		deserializer.configure(config, false);
		this.avro = deserializer;
		this.maxLength = maxLength;
	}

	String of(String topic, byte[] value) {
		if (value == null) {
			return null;
		}
		return truncate(avroJson(topic, value).orElseGet(() -> text(value)));
	}

	private Optional<String> avroJson(String topic, byte[] value) {
		if (value.length < 5 || value[0] != 0) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(this.avro.deserialize(topic, value)).map(Object::toString);
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
