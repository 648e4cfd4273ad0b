package dev.orderflow.devstack.workshop;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the last records of a topic without joining a consumer group, and names the event
 * type of each from its Confluent wire-format schema id (asking the registry once per
 * id). Enough to follow one order through every topic without an Avro decoder in the
 * launcher.
 */
final class TopicRecords {

	/** One record, as the {@code events} command prints it. */
	record Event(String topic, int partition, long offset, Instant timestamp, String key, String type,
			Optional<String> failure) {

		@Override
		public String toString() {
			return String.format("%-13s p%d@%-5d %s  %-36s  %s%s", this.topic, this.partition, this.offset,
					this.timestamp, this.key, this.type, this.failure.map((f) -> "  [" + f + "]").orElse(""));
		}

	}

	private static final Pattern RECORD_NAME = Pattern.compile("\\\\\"name\\\\\"\\s*:\\s*\\\\\"([A-Za-z0-9_]+)\\\\\"");

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final String bootstrapServers;

	private final String registryUrl;

	private final Map<Integer, String> typesById = new HashMap<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private final Map<String, Object> security;

	/**
	 * {@code security}: how to sign in,
	 * {@link dev.orderflow.devstack.kafka.KafkaUsers#adminClientProperties}.
	 */
	TopicRecords(String bootstrapServers, String registryUrl, Map<String, Object> security) {
		this.bootstrapServers = bootstrapServers;
		this.registryUrl = registryUrl;
		this.security = Map.copyOf(security);
	}

	/**
	 * The last {@code limit} records of the topic (with that key, when given), oldest
	 * first.
	 */
	List<Event> last(String topic, int limit, Optional<String> key) {
		Properties config = new Properties();
		config.putAll(this.security);
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
		config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "8000");
		List<Event> events = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
			if (infos == null || infos.isEmpty()) {
				throw new IllegalStateException("Topic " + topic + " does not exist (yet)");
			}
			List<TopicPartition> partitions = infos.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
			Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, TIMEOUT);
			// a key filter may match anywhere: read everything then; else only the tail
			// of each partition
			int window = key.isPresent() ? Integer.MAX_VALUE : limit;
			for (TopicPartition partition : partitions) {
				consumer.seek(partition, Math.max(begins.get(partition), ends.get(partition) - window));
			}
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (!caughtUp(consumer, partitions, ends) && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (key.isEmpty() || key.get().equals(record.key())) {
						events.add(toEvent(record));
					}
				}
			}
		}
		events.sort(Comparator.comparing(Event::timestamp).thenComparing(Event::offset));
		return events.subList(Math.max(0, events.size() - limit), events.size());
	}

	private static boolean caughtUp(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
			Map<TopicPartition, Long> ends) {
		return partitions.stream().allMatch((partition) -> consumer.position(partition) >= ends.get(partition));
	}

	private Event toEvent(ConsumerRecord<String, byte[]> record) {
		Optional<String> failure = Optional.ofNullable(record.headers().lastHeader("kafka_dlt-exception-message"))
			.map(Header::value)
			.map((bytes) -> new String(bytes, StandardCharsets.UTF_8))
			.map((message) -> (message.length() > 120) ? message.substring(0, 117) + "..." : message);
		return new Event(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
				record.key(), typeOf(record.value()), failure);
	}

	/**
	 * The record name of the writer schema, or what the bytes are when they are not
	 * Confluent Avro.
	 */
	String typeOf(byte[] value) {
		if (value == null) {
			return "(tombstone)";
		}
		if (value.length < 5 || value[0] != 0) {
			return "(not Confluent Avro: " + value.length + " bytes)";
		}
		int id = ByteBuffer.wrap(value, 1, 4).getInt();
		return this.typesById.computeIfAbsent(id, this::lookUp);
	}

	private String lookUp(int id) {
		try {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create(this.registryUrl + "/schemas/ids/" + id))
					.timeout(TIMEOUT)
					.build(), HttpResponse.BodyHandlers.ofString());
			Matcher matcher = RECORD_NAME.matcher(response.body());
			if (response.statusCode() == 200 && matcher.find()) {
				return matcher.group(1);
			}
			return "(schema id " + id + ": registry answered " + response.statusCode() + ")";
		}
		catch (java.io.IOException ex) {
			return "(schema id " + id + ": registry unreachable)";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "(schema id " + id + ")";
		}
	}

}
