package dev.orderflow.registry.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
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
 * The Kafka side of the store: creates the compacted single-partition topic, tails it
 * from the beginning, tells its end offset, and appends records synchronously with
 * {@code acks=all}. A single partition keeps one total order of every change, which every
 * instance applies alike.
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

	TopicPartition partition() {
		return new TopicPartition(name(), 0);
	}

	/** A consumer assigned to the topic's only partition, positioned at its beginning. */
	KafkaConsumer<String, String> tailingConsumer() {
		Map<String, Object> properties = consumerProperties();
		// the tail must see a write quickly: the broker answers a fetch as soon as a
		// record lands
		properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer());
		consumer.assign(List.of(partition()));
		consumer.seekToBeginning(List.of(partition()));
		return consumer;
	}

	/**
	 * A consumer of the leader election group: it joins the group on the topic and only
	 * ever holds the partition, never reads it. Kafka's group coordinator gives the
	 * partition to exactly one live member; a member that stops heartbeating loses it
	 * after the session timeout.
	 */
	KafkaConsumer<String, String> electionConsumer(String groupId, String instanceId) {
		Map<String, Object> properties = consumerProperties();
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
		properties.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + instanceId);
		properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) this.properties.sessionTimeout().toMillis());
		properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
				(int) Math.max(500, this.properties.sessionTimeout().toMillis() / 6));
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		// sticky: an instance joining during a rollout does not take the leadership from
		// a live leader
		properties.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
		return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
	}

	/**
	 * The offset the next record will take: everything below it has been acknowledged.
	 */
	long endOffset(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
		return this.admin.listOffsets(Map.of(partition(), OffsetSpec.latest()))
			.partitionResult(partition())
			.get(timeout.toMillis(), TimeUnit.MILLISECONDS)
			.offset();
	}

	/** The Kafka cluster's id, for {@code /v1/metadata/id}. */
	String clusterId(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
		return this.admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Appends one record, waits until every in-sync replica has it and returns its
	 * offset.
	 */
	long append(String key, String value) throws InterruptedException, ExecutionException, TimeoutException {
		return this.producer.send(new ProducerRecord<>(name(), 0, key, value))
			.get(timeoutMillis(), TimeUnit.MILLISECONDS)
			.offset();
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
