package dev.orderflow.eventing.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads dead-letter topics with a short-lived consumer of its own: no consumer group, no
 * committed offsets, raw bytes. Each call assigns the partitions, reads from the
 * beginning to the end offsets it found when it started, and gives up after the timeout.
 */
class DeadLetterReader {

	private static final Duration POLL = Duration.ofMillis(100);

	private final Map<String, Object> consumerConfig;

	private final Duration timeout;

	DeadLetterReader(Map<String, Object> consumerConfig, Duration timeout) {
		Map<String, Object> config = new HashMap<>(consumerConfig);
		// a reader, not a member of the service's group: it must not move the service's
		// offsets
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-reader");
		this.consumerConfig = config;
		this.timeout = timeout;
	}

	/**
	 * Every record currently on the given topics; topics that do not exist are skipped.
	 */
	List<ConsumerRecord<byte[], byte[]>> readAll(Collection<String> topics) {
		Instant deadline = Instant.now().plus(this.timeout);
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : topics) {
				consumer.partitionsFor(topic, remaining(deadline))
					.forEach((info) -> partitions.add(new TopicPartition(info.topic(), info.partition())));
			}
			if (partitions.isEmpty()) {
				return List.of();
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, remaining(deadline));
			List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
			while (!reachedEnd(consumer, ends, deadline)) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
					if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
						records.add(record);
					}
				}
			}
			return records;
		}
		catch (KafkaException ex) {
			throw new DeadLettersUnavailableException(
					"cannot read dead-letter topics " + topics + ": " + ex.getMessage(), ex);
		}
	}

	/** The record at the id's position, if there is one. */
	Optional<ConsumerRecord<byte[], byte[]>> read(DeadLetterId id) {
		Instant deadline = Instant.now().plus(this.timeout);
		TopicPartition partition = new TopicPartition(id.dltTopic(), id.partition());
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			boolean exists = consumer.partitionsFor(id.dltTopic(), remaining(deadline))
				.stream()
				.anyMatch((info) -> info.partition() == id.partition());
			if (!exists) {
				return Optional.empty();
			}
			consumer.assign(List.of(partition));
			long end = consumer.endOffsets(List.of(partition), remaining(deadline)).get(partition);
			if (id.offset() >= end) {
				return Optional.empty();
			}
			consumer.seek(partition, id.offset());
			while (consumer.position(partition, remaining(deadline)) <= id.offset()) {
				checkDeadline(deadline);
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
					if (record.offset() == id.offset()) {
						return Optional.of(record);
					}
				}
			}
			// the position moved past the offset without that record: deleted by
			// retention
			return Optional.empty();
		}
		catch (KafkaException ex) {
			throw new DeadLettersUnavailableException("cannot read dead letter " + id + ": " + ex.getMessage(), ex);
		}
	}

	private KafkaConsumer<byte[], byte[]> consumer() {
		return new KafkaConsumer<>(this.consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends,
			Instant deadline) {
		checkDeadline(deadline);
		for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
			if (consumer.position(end.getKey(), remaining(deadline)) < end.getValue()) {
				return false;
			}
		}
		return true;
	}

	private static void checkDeadline(Instant deadline) {
		if (Instant.now().isAfter(deadline)) {
			throw new DeadLettersUnavailableException("reading the dead-letter topics timed out", null);
		}
	}

	private static Duration remaining(Instant deadline) {
		Duration left = Duration.between(Instant.now(), deadline);
		return left.isNegative() ? Duration.ZERO : left;
	}

}
