package dev.orderflow.eventing.deadletter;

import java.util.Map;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes a dead letter's value as if it were written to its original topic:
 * {@code orders.DLT} is serialized for {@code orders}, so the subject name strategy names
 * the original topic's subject. Production registers schemas in its release pipeline and
 * runs the services with {@code auto.register.schemas=false} and
 * {@code use.latest.version=true}; no {@code <topic>.DLT} subject exists there, and
 * asking for one would fail the dead letter, and with it the partition. The bytes are
 * those the original topic's subject knows, so a replay to that topic reads as any other
 * record of it.
 */
class OriginalTopicSerializer implements Serializer<Object> {

	private final Serializer<Object> delegate;

	OriginalTopicSerializer(Serializer<Object> delegate) {
		this.delegate = delegate;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		this.delegate.configure(configs, isKey);
	}

	@Override
	public byte[] serialize(String topic, Object data) {
		return this.delegate.serialize(originalTopic(topic), data);
	}

	@Override
	public byte[] serialize(String topic, Headers headers, Object data) {
		return this.delegate.serialize(originalTopic(topic), headers, data);
	}

	@Override
	public void close() {
		this.delegate.close();
	}

	/** {@code orders.DLT} → {@code orders}; any other topic unchanged. */
	static String originalTopic(String topic) {
		String suffix = DeadLetterConfiguration.deadLetterTopic("");
		return topic.endsWith(suffix) ? topic.substring(0, topic.length() - suffix.length()) : topic;
	}

}
