package dev.orderflow.eventing.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what the relays published to a topic, from its beginning, keeping the records of
 * some keys.
 */
final class RelayTopic {

	private RelayTopic() {
	}

	/**
	 * Polls until {@code enough} records of {@code keys} arrived, then for {@code settle}
	 * more, to catch extra copies.
	 */
	static List<ConsumerRecord<String, byte[]>> read(String bootstrap, String topic, Collection<String> keys,
			int enough, Duration settle) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of("bootstrap.servers", bootstrap, "auto.offset.reset", "earliest"), new StringDeserializer(),
				new ByteArrayDeserializer())) {
			// assigned, not subscribed: no group to join, so reading starts at once
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((partition) -> new TopicPartition(topic, partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			long settledAt = Long.MAX_VALUE;
			while (System.nanoTime() < Math.min(deadline, settledAt)) {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (keys.contains(record.key())) {
						records.add(record);
					}
				});
				if (records.size() >= enough && settledAt == Long.MAX_VALUE) {
					settledAt = System.nanoTime() + settle.toNanos();
				}
			}
			return records;
		}
	}

}
