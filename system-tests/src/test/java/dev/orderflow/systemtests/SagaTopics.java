package dev.orderflow.systemtests;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.orderflow.schemaregistry.serde.KafkaAvroDeserializer;

/**
 * The test's own view of the broker: it writes poison pills the way a broken producer
 * would, and reads whole topics back, decoding the saga's events as any consumer does.
 */
final class SagaTopics {

	/** A schema id the registry never handed out. */
	static final int UNKNOWN_SCHEMA_ID = 999_999;

	/** Spring Kafka's header naming the consumer group that dead-lettered a record. */
	private static final String DLT_GROUP_HEADER = "kafka_dlt-original-consumer-group";

	private static final String DLT_OFFSET_HEADER = "kafka_dlt-original-offset";

	/**
	 * Spring Kafka's header with the failure's message, so a stray dead letter says why
	 * it is there.
	 */
	private static final String DLT_MESSAGE_HEADER = "kafka_dlt-exception-message";

	private final String bootstrapServers;

	private final String registryUrl;

	private final Map<String, Object> security;

	/**
	 * Reads and writes as the stack's super user ({@code stack.kafkaAdminClient()}): a
	 * test may write any topic.
	 */
	SagaTopics(String bootstrapServers, String registryUrl, Map<String, Object> security) {
		this.bootstrapServers = bootstrapServers;
		this.registryUrl = registryUrl;
		this.security = Map.copyOf(security);
	}

	/**
	 * Bytes that are no Confluent Avro at all: the first byte is not the magic byte 0.
	 */
	static byte[] notAvro(String key) {
		return ("this is not avro: " + key).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Confluent's wire format header with a schema id nobody registered, then some bytes.
	 */
	static byte[] unknownSchemaId() {
		return ByteBuffer.allocate(9).put((byte) 0).putInt(UNKNOWN_SCHEMA_ID).putInt(42).array();
	}

	/**
	 * Writes each value to {@code topic} under its key and waits for the broker's
	 * acknowledgement.
	 */
	void produce(String topic, Map<String, byte[]> valuesByKey) throws Exception {
		Map<String, Object> config = new HashMap<>(this.security);
		config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ProducerConfig.ACKS_CONFIG,
				"all", ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000));
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			for (Map.Entry<String, byte[]> value : valuesByKey.entrySet()) {
				producer.send(new ProducerRecord<>(topic, value.getKey(), value.getValue())).get();
			}
		}
	}

	/** Every record of {@code topic} from the beginning up to its current end. */
	List<ConsumerRecord<String, byte[]>> readAll(String topic) {
		Map<String, Object> config = new HashMap<>(this.security);
		config.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000));
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.stream()
				.map((p) -> new TopicPartition(topic, p.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			Instant deadline = Instant.now().plusSeconds(60);
			while (partitions.stream().anyMatch((p) -> consumer.position(p) < end.get(p))) {
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("Could not read " + topic + " to its end in 60 s");
				}
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
			}
			return records;
		}
	}

	/**
	 * The saga's events on {@code topic}, decoded; records that do not decode are left
	 * out and counted.
	 */
	Decoded decode(String topic) {
		Map<String, Object> config = Map.of("schema.registry.url", this.registryUrl, "specific.avro.reader", true);
		try (KafkaAvroDeserializer avro = new KafkaAvroDeserializer()) {
			avro.configure(config, false);
			List<Object> events = new ArrayList<>();
			List<String> undecodable = new ArrayList<>();
			for (ConsumerRecord<String, byte[]> record : readAll(topic)) {
				try {
					events.add(avro.deserialize(topic, record.value()));
				}
				catch (RuntimeException ex) {
					undecodable.add(record.key());
				}
			}
			return new Decoded(events, undecodable);
		}
	}

	/** Decoded events and the keys of records that could not be decoded. */
	record Decoded(List<Object> events, List<String> undecodableKeys) {
	}

	/** A record of a dead-letter topic: its key and the group that gave up on it. */
	record DeadLetter(String key, String group, String originalOffset, String failure) {

		@Override
		public String toString() {
			return this.key + " (group " + this.group + ", offset " + this.originalOffset + "): "
					+ (this.failure.length() > 400 ? this.failure.substring(0, 400) + "…" : this.failure);
		}

	}

	List<DeadLetter> deadLetters(String topic) {
		return readAll(topic).stream()
			.map((record) -> new DeadLetter(record.key(), header(record, DLT_GROUP_HEADER),
					header(record, DLT_OFFSET_HEADER), header(record, DLT_MESSAGE_HEADER)))
			.toList();
	}

	/** How often each key appears in the dead letters of each group. */
	static Map<String, Long> perGroupAndKey(List<DeadLetter> letters) {
		return letters.stream()
			.collect(Collectors.groupingBy((l) -> l.group() + " " + l.key(), HashMap::new, Collectors.counting()));
	}

	static Set<String> keys(List<DeadLetter> letters) {
		return letters.stream().map(DeadLetter::key).collect(Collectors.toSet());
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		if (header == null) {
			return "?";
		}
		byte[] value = header.value();
		// Spring Kafka writes the offset as 8 raw bytes and names as UTF-8
		return (value.length == 8 && name.equals(DLT_OFFSET_HEADER)) ? Long.toString(ByteBuffer.wrap(value).getLong())
				: new String(value, StandardCharsets.UTF_8);
	}

}
