package dev.orderflow.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The baseline: the saga's three hops without services, databases or HTTP. A producer
 * writes to {@code bench-raw-1}; a relay thread consumes it and produces to
 * {@code bench-raw-2}; another relays to {@code bench-raw-3}; a sink consumes that. Same
 * broker, partitions, {@code acks=all} and record size as the saga's events; latency ends
 * at the sink.
 */
final class RawRelay implements Target {

	static final List<String> TOPICS = List.of("bench-raw-1", "bench-raw-2", "bench-raw-3");

	private final String bootstrapServers;

	private final int recordSize;

	private final long runId = ThreadLocalRandom.current().nextLong();

	private final AtomicLong sequence = new AtomicLong();

	private final Map<Long, Completion> pending = new ConcurrentHashMap<>();

	private final KafkaProducer<String, byte[]> producer;

	private final List<Hop> hops = new ArrayList<>();

	private final Map<String, Object> kafkaClient;

	/** {@code kafkaClient}: how to sign in ({@link BenchOptions#kafkaClient()}). */
	RawRelay(String bootstrapServers, Map<String, Object> kafkaClient, int recordSize) {
		this.bootstrapServers = bootstrapServers;
		this.kafkaClient = Map.copyOf(kafkaClient);
		this.recordSize = Math.max(16, recordSize);
		this.producer = producer("bench-raw-source");
		this.hops.add(new Hop(TOPICS.get(0), TOPICS.get(1)));
		this.hops.add(new Hop(TOPICS.get(1), TOPICS.get(2)));
		this.hops.add(new Hop(TOPICS.get(2), null));
		this.hops.forEach(Hop::start);
	}

	@Override
	public String name() {
		return "raw";
	}

	@Override
	public void send(Completion completion) {
		long index = this.sequence.getAndIncrement();
		this.pending.put(index, completion);
		ByteBuffer payload = ByteBuffer.allocate(this.recordSize).putLong(this.runId).putLong(index);
		// a random key, as an order id is: records spread over the partitions like the
		// saga's
		this.producer.send(new ProducerRecord<>(TOPICS.get(0), UUID.randomUUID().toString(), payload.array()),
				(metadata, failure) -> {
					if (failure != null) {
						this.pending.remove(index);
						completion.failed("send failed: " + failure.getClass().getSimpleName());
					}
				});
	}

	private void arrived(byte[] value, long now) {
		ByteBuffer payload = ByteBuffer.wrap(value);
		if (value.length >= 16 && payload.getLong() == this.runId) {
			Completion completion = this.pending.remove(payload.getLong());
			if (completion != null) {
				completion.done(now, false);
			}
		}
	}

	private KafkaProducer<String, byte[]> producer(String clientId) {
		// as the services' producers: acks=all, idempotent, the client's defaults
		// otherwise
		return new KafkaProducer<>(
				with(this.kafkaClient,
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
								ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
								ProducerConfig.CLIENT_ID_CONFIG, clientId)),
				new StringSerializer(), new ByteArraySerializer());
	}

	static Map<String, Object> with(Map<String, Object> kafkaClient, Map<String, Object> config) {
		Map<String, Object> both = new HashMap<>(kafkaClient);
		both.putAll(config);
		return both;
	}

	@Override
	public void close() {
		this.hops.forEach(Hop::stop);
		this.producer.close(Duration.ofSeconds(5));
	}

	/**
	 * One consume(-and-produce) hop on its own thread, reading its topic from the current
	 * end.
	 */
	private final class Hop {

		private final String from;

		private final String to;

		private final KafkaConsumer<String, byte[]> consumer;

		private final KafkaProducer<String, byte[]> next;

		private final Thread thread;

		private volatile boolean running = true;

		Hop(String from, String to) {
			this.from = from;
			this.to = to;
			this.consumer = new KafkaConsumer<>(with(RawRelay.this.kafkaClient,
					Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RawRelay.this.bootstrapServers,
							ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.CLIENT_ID_CONFIG,
							"bench-raw-hop-" + from)),
					new StringDeserializer(), new ByteArrayDeserializer());
			List<TopicPartition> partitions = this.consumer.partitionsFor(from, Duration.ofSeconds(30))
				.stream()
				.map((p) -> new TopicPartition(from, p.partition()))
				.toList();
			this.consumer.assign(partitions);
			this.consumer.seekToEnd(partitions);
			partitions.forEach(this.consumer::position);
			this.next = (to != null) ? producer("bench-raw-relay-" + from) : null;
			this.thread = new Thread(this::run, "bench-raw-hop-" + from);
			this.thread.setDaemon(true);
		}

		void start() {
			this.thread.start();
		}

		private void run() {
			try {
				while (this.running) {
					for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
						if (this.next != null) {
							this.next.send(new ProducerRecord<>(this.to, record.key(), record.value()));
						}
						else {
							arrived(record.value(), System.nanoTime());
						}
					}
				}
			}
			catch (WakeupException ex) {
				// stopping
			}
			finally {
				this.consumer.close(Duration.ofSeconds(5));
			}
		}

		void stop() {
			this.running = false;
			this.consumer.wakeup();
			try {
				this.thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (this.next != null) {
				this.next.close(Duration.ofSeconds(5));
			}
		}

	}

}
