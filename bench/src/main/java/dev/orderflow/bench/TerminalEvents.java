package dev.orderflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import dev.orderflow.events.OrderConfirmed;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.OrderRejected;
import dev.orderflow.events.StockRejected;
import dev.orderflow.events.StockReserved;
import dev.orderflow.schemaregistry.serde.KafkaAvroDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the {@code orders} topic from its current end and tells who waits for an order
 * when its saga ends (OrderConfirmed or OrderRejected). The event may come before the
 * HTTP answer that names the order, so whichever of the two arrives second completes the
 * match. It also reads {@code inventory} and hands every saga event's record timestamp to
 * {@link Hops}, for the per-hop breakdown.
 */
final class TerminalEvents implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(TerminalEvents.class);

	static final String TOPIC = "orders";

	static final String INVENTORY = "inventory";

	/** When the terminal event of an order was seen, and how the saga ended. */
	record Terminal(long observedNanos, boolean rejected) {
	}

	private final Map<String, Object> slots = new ConcurrentHashMap<>();

	private final KafkaConsumer<String, byte[]> consumer;

	private final KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();

	private final Thread poller;

	private volatile boolean running = true;

	private final Hops hops;

	TerminalEvents(String bootstrapServers, Map<String, Object> kafkaClient, String registryUrl, Hops hops) {
		this.hops = hops;
		this.consumer = new KafkaConsumer<>(RawRelay.with(kafkaClient,
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.CLIENT_ID_CONFIG,
						"bench-terminal-events")),
				new StringDeserializer(), new ByteArrayDeserializer());
		this.deserializer.configure(Map.of("schema.registry.url", registryUrl, "specific.avro.reader", true), false);
		List<TopicPartition> partitions = new ArrayList<>();
		for (String topic : List.of(TOPIC, INVENTORY)) {
			this.consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.forEach((p) -> partitions.add(new TopicPartition(topic, p.partition())));
		}
		this.consumer.assign(partitions);
		this.consumer.seekToEnd(partitions);
		// resolve the end offsets now, so no event of an order placed from here on is
		// missed
		partitions.forEach(this.consumer::position);
		this.poller = new Thread(this::poll, "bench-terminal-events");
		this.poller.setDaemon(true);
		this.poller.start();
	}

	/**
	 * Calls {@code onEnd} once the order's terminal event is seen (at once if it was seen
	 * already).
	 */
	void expect(String orderId, Consumer<Terminal> onEnd) {
		Object earlier = this.slots.putIfAbsent(orderId, onEnd);
		if (earlier instanceof Terminal terminal) {
			this.slots.remove(orderId);
			onEnd.accept(terminal);
		}
	}

	@SuppressWarnings("unchecked")
	private void ended(String orderId, Terminal terminal) {
		Object waiting = this.slots.putIfAbsent(orderId, terminal);
		if (waiting instanceof Consumer<?> onEnd) {
			this.slots.remove(orderId);
			((Consumer<Terminal>) onEnd).accept(terminal);
		}
	}

	private void poll() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
					long now = System.nanoTime();
					Object event = deserialize(record);
					long timestamp = record.timestamp();
					if (event instanceof OrderConfirmed confirmed) {
						this.hops.ended(confirmed.getOrderId(), timestamp);
						ended(confirmed.getOrderId(), new Terminal(now, false));
					}
					else if (event instanceof OrderRejected rejected) {
						this.hops.ended(rejected.getOrderId(), timestamp);
						ended(rejected.getOrderId(), new Terminal(now, true));
					}
					else if (event instanceof OrderPlaced placed) {
						this.hops.placed(placed.getOrderId(), timestamp);
					}
					else if (event instanceof StockReserved reserved) {
						this.hops.answered(reserved.getOrderId(), timestamp);
					}
					else if (event instanceof StockRejected rejected) {
						this.hops.answered(rejected.getOrderId(), timestamp);
					}
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close(Duration.ofSeconds(5));
		}
	}

	private Object deserialize(ConsumerRecord<String, byte[]> record) {
		try {
			return this.deserializer.deserialize(record.topic(), record.headers(), record.value());
		}
		catch (RuntimeException ex) {
			log.warn("Cannot read the record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					ex.getMessage());
			return null;
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		try {
			this.poller.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.deserializer.close();
	}

}
