package dev.orderflow.registry.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka side of the store: creates the compacted single-partition topic, reads it from
 * the beginning to its end offset, and appends records synchronously with {@code acks=all}.
 * A single partition keeps one total order of every change.
 */
class SchemasTopic implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SchemasTopic.class);

	private final StoreProperties properties;

	private final Map<String, Object> clientProperties;

	private final Admin admin;

	private final KafkaProducer<String, String> producer;

	SchemasTopic(StoreProperties properties, Map<String, Object> clientProperties) {
		this.properties = properties;
		this.clientProperties = clientProperties;
		this.admin = Admin.create(clientProperties);
		this.producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new StringSerializer());
	}

	String name() {
		return this.properties.topic();
	}

	void createIfMissing() throws Exception {
		NewTopic topic = new NewTopic(name(), 1, this.properties.replicationFactor())
			.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
		try {
			this.admin.createTopics(List.of(topic)).all().get(timeoutMillis(), TimeUnit.MILLISECONDS);
			log.info("Created schema store topic {}", name());
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
		}
	}

	/** Replays every record from the beginning up to the end offset seen at call time. */
	int replay(BiConsumer<String, String> apply) {
		TopicPartition partition = new TopicPartition(name(), 0);
		Instant deadline = Instant.now().plus(this.properties.timeout());
		int count = 0;
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long end = consumer.endOffsets(List.of(partition), this.properties.timeout()).get(partition);
			while (consumer.position(partition, this.properties.timeout()) < end) {
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("Timed out reading topic " + name() + " to offset " + end);
				}
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.key() != null) {
						apply.accept(record.key(), record.value());
						count++;
					}
				}
			}
		}
		return count;
	}

	/** Appends one record and waits until every in-sync replica has it. */
	void append(String key, String value) throws InterruptedException, ExecutionException, TimeoutException {
		this.producer.send(new ProducerRecord<>(name(), 0, key, value)).get(timeoutMillis(), TimeUnit.MILLISECONDS);
	}

	/** Whether the broker answers and the topic exists, within a short timeout. */
	boolean reachable(Duration timeout) {
		try {
			this.admin.describeTopics(List.of(name())).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
	}

	private long timeoutMillis() {
		return this.properties.timeout().toMillis();
	}

	private Map<String, Object> producerProperties() {
		Map<String, Object> producer = new java.util.HashMap<>(this.clientProperties);
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMillis());
		producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMillis());
		producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMillis(), 30_000));
		producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		return producer;
	}

	private Map<String, Object> consumerProperties() {
		Map<String, Object> consumer = new java.util.HashMap<>(this.clientProperties);
		consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		return consumer;
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
		this.admin.close(Duration.ofSeconds(5));
	}

}
