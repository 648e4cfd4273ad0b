package dev.orderflow.schemaregistry.rules;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The {@code DLQ} action of a serializer: the refused record, serialized as it would have
 * been, goes to the rule's {@code dlq.topic} (by default {@code <topic>.DLT}, the saga's
 * dead-letter topics) with Confluent's {@code __rule.*} headers saying which rule refused
 * it; the producer is created on first use from the serializer's own producer settings
 * ({@code bootstrap.servers}, security), and each send is awaited, so the record is safe
 * before the serializer throws.
 */
public final class RuleDeadLetters implements AutoCloseable {

	/** Confluent's headers of a record a rule sent to a DLQ. */
	public static final String RULE_NAME = "__rule.name";

	public static final String RULE_MODE = "__rule.mode";

	public static final String RULE_SUBJECT = "__rule.subject";

	public static final String RULE_EXCEPTION = "__rule.exception";

	/**
	 * Spring Kafka's header naming a dead letter's original topic, so replay tools know
	 * where it belongs.
	 */
	public static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";

	/** The dead-letter topic of a topic when the rule names none. */
	public static final String SUFFIX = ".DLT";

	private final Map<String, Object> producerConfigs;

	private volatile Producer<byte[], byte[]> producer;

	public RuleDeadLetters(Map<String, ?> serdeConfigs) {
		Map<String, Object> configs = new HashMap<>();
		serdeConfigs.forEach((key, value) -> {
			if (key.startsWith("bootstrap.") || key.startsWith("security.") || key.startsWith("ssl.")
					|| key.startsWith("sasl.") || key.equals("client.dns.lookup")) {
				configs.put(key, value);
			}
		});
		configs.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		configs.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		configs.put(ProducerConfig.ACKS_CONFIG, "all");
		this.producerConfigs = configs;
	}

	/**
	 * Sends the record to the rule's dead-letter topic and waits for the broker's
	 * acknowledgement.
	 */
	public void send(String topic, Headers original, byte[] value, RuleConditionException broken, String subject) {
		if (!this.producerConfigs.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
			throw new SerializationException("Rule '" + broken.ruleName() + "' asks for DLQ, but the serializer has no "
					+ "bootstrap.servers to send it with: " + broken.getMessage(), broken);
		}
		String dlqTopic = (broken.dlqTopic() != null) ? broken.dlqTopic() : topic + SUFFIX;
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(dlqTopic, null, value);
		if (original != null) {
			original.forEach((header) -> record.headers().add(header));
		}
		record.headers()
			.add(RULE_NAME, bytes(broken.ruleName()))
			.add(RULE_MODE, bytes(broken.onWrite() ? "WRITE" : "READ"))
			.add(RULE_SUBJECT, bytes(subject))
			.add(RULE_EXCEPTION, bytes(broken.getMessage()))
			.add(ORIGINAL_TOPIC, bytes(topic));
		try {
			producer().send(record).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SerializationException("Interrupted sending to " + dlqTopic, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new SerializationException("Could not send the record rule '" + broken.ruleName() + "' refused to "
					+ dlqTopic + ": " + ex.getMessage(), ex);
		}
	}

	private Producer<byte[], byte[]> producer() {
		Producer<byte[], byte[]> current = this.producer;
		if (current == null) {
			synchronized (this) {
				if (this.producer == null) {
					this.producer = new KafkaProducer<>(this.producerConfigs);
				}
				current = this.producer;
			}
		}
		return current;
	}

	private static byte[] bytes(String text) {
		return (text != null) ? text.getBytes(StandardCharsets.UTF_8) : new byte[0];
	}

	@Override
	public void close() {
		Producer<byte[], byte[]> current = this.producer;
		if (current != null) {
			current.close(java.time.Duration.ofSeconds(5));
		}
	}

}
