package dev.orderflow.eventing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.orderflow.eventing.outbox.Outbox;
import dev.orderflow.events.OrderLine;
import dev.orderflow.events.OrderPlaced;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.transaction.support.TransactionTemplate;

import static org.awaitility.Awaitility.await;

/**
 * {@link EventingTestApplication} on an in-memory H2 database and one embedded KRaft
 * broker, shared by every integration test of the module (one context, one broker). Each
 * test works on a topic or on keys of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = { EventingIntegrationTest.TOPIC, EventingIntegrationTest.TOPIC + ".DLT",
		AbstractEventingIntegrationTest.REPLAY_TOPIC, AbstractEventingIntegrationTest.REPLAY_TOPIC + ".DLT",
		TransactionalBatchIntegrationTest.TOPIC, TransactionalBatchIntegrationTest.TOPIC + ".DLT",
		AbstractEventingIntegrationTest.RELAY_TOPIC, EventingTestApplication.WaitingListeners.DATABASE,
		EventingTestApplication.WaitingListeners.DATABASE + ".DLT", EventingTestApplication.WaitingListeners.REGISTRY,
		EventingTestApplication.WaitingListeners.REGISTRY + ".DLT", EventingTestApplication.WaitingListeners.COMMIT,
		EventingTestApplication.WaitingListeners.COMMIT + ".DLT", EventingTestApplication.WaitingListeners.MAIL,
		EventingTestApplication.WaitingListeners.MAIL + ".DLT" })
public abstract class AbstractEventingIntegrationTest {

	/** The topic of {@link EventingTestApplication.FixableListener}. */
	static final String REPLAY_TOPIC = "eventing-replay-test";

	/** A topic nobody in the application listens to, for the relay's own tests. */
	protected static final String RELAY_TOPIC = "eventing-relay-test";

	/** The topic of {@link EventingTestApplication.RecordingListener}. */
	protected static final String RECORDED_TOPIC = EventingIntegrationTest.TOPIC;

	@Autowired
	protected EmbeddedKafkaBroker broker;

	@Autowired
	protected Outbox outbox;

	@Autowired
	protected TransactionTemplate transactions;

	@Autowired
	protected JdbcClient jdbc;

	/** Reads the dead letters of {@code topic} until one per key has arrived. */
	protected List<ConsumerRecord<String, byte[]>> readDeadLetters(String topic, List<String> keys) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of("bootstrap.servers", this.broker.getBrokersAsString(), "group.id",
						"dlt-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic + ".DLT"));
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					// other tests share the topic, and a record may have no key:
					// List.of(...).contains(null) throws
					if (record.key() != null && keys.contains(record.key())) {
						records.add(record);
					}
				});
				return records.size() >= keys.size();
			});
			return records;
		}
	}

	protected static OrderPlaced orderPlaced(String customerId) {
		return OrderPlaced.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(UUID.randomUUID().toString())
			.setOccurredAt(Instant.parse("2026-11-26T08:00:00Z"))
			.setCustomerId(customerId)
			.setCustomerEmail("ada@example.com")
			.setLines(List.of(new OrderLine("SKU-001", 2)))
			.build();
	}

}
