package dev.orderflow.eventing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.orderflow.eventing.EventingTestApplication.WaitingListeners;
import dev.orderflow.eventing.observability.ConsumerRetries;
import dev.orderflow.eventing.observability.ConsumerRetriesHealthIndicator;
import dev.orderflow.events.OrderPlaced;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A dependency away for longer than the short retry budget (4 s here, against a budget of
 * two deliveries 50 ms apart) is waited out, on a real broker: the record is applied once
 * when it is back and nothing reaches the dead-letter topic, while a poison pill behind
 * it still does. The poison pill also marks the end: the partition is in order, so once
 * it is dead-lettered the records before it were dealt with.
 */
class TransientFailureIntegrationTest extends AbstractEventingIntegrationTest {

	private static final Duration OUTAGE = Duration.ofSeconds(4);

	@Autowired
	WaitingListeners listeners;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ConsumerRetriesHealthIndicator health;

	@Test
	void aBatchWaitsOutADatabaseOutageAndDeadLettersNothingButThePoison() throws Exception {
		this.listeners.databaseDownUntil = Instant.now().plus(OUTAGE);
		List<OrderPlaced> events = publish(WaitingListeners.DATABASE, "db-outage-1", "db-outage-2");
		String poison = publishPoison(WaitingListeners.DATABASE);

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(waitingOn(WaitingListeners.DATABASE)).isEqualTo("database"));

		assertThat(deadLetterKeysUpTo(WaitingListeners.DATABASE, poison)).containsExactly(poison);
		assertAppliedOnce(WaitingListeners.DATABASE, events);
		assertThat(this.meters
			.counter("orderflow.consumer.retries", "topic", WaitingListeners.DATABASE, "reason", "database")
			.count()).isGreaterThan(2);
	}

	@Test
	void anUnreachableRegistryIsWaitedOutInsteadOfDeadLetteringWhatItCannotRead() throws Exception {
		FlakyRegistryDeserializer.unavailableUntil = Instant.now().plus(OUTAGE);
		List<OrderPlaced> events = publish(WaitingListeners.REGISTRY, "registry-outage-1", "registry-outage-2");
		String poison = publishPoison(WaitingListeners.REGISTRY);

		assertThat(deadLetterKeysUpTo(WaitingListeners.REGISTRY, poison)).containsExactly(poison);
		assertAppliedOnce(WaitingListeners.REGISTRY, events);
		assertThat(this.meters
			.counter("orderflow.consumer.retries", "topic", WaitingListeners.REGISTRY, "reason", "schema-registry")
			.count()).isGreaterThan(2);
	}

	@Test
	void aPollWhoseCommitFailsIsRetriedWholeAndNeverDeadLettered() throws Exception {
		// the cause (TransactionSystemException) is not transient in itself: no record is
		// to blame
		this.listeners.commitsToFail.set(5);
		List<OrderPlaced> events = publish(WaitingListeners.COMMIT, "commit-1", "commit-2", "commit-3");
		String poison = publishPoison(WaitingListeners.COMMIT);

		assertThat(deadLetterKeysUpTo(WaitingListeners.COMMIT, poison)).containsExactly(poison);
		assertAppliedOnce(WaitingListeners.COMMIT, events);
		assertThat(this.listeners.commitsToFail).hasValue(0);
	}

	@Test
	void aRecordListenerWaitsOutAServerThatRefusesConnections() throws Exception {
		this.listeners.mailDownUntil = Instant.now().plus(OUTAGE);
		List<OrderPlaced> events = publish(WaitingListeners.MAIL, "mail-outage");
		String poison = publishPoison(WaitingListeners.MAIL);

		assertThat(deadLetterKeysUpTo(WaitingListeners.MAIL, poison)).containsExactly(poison);
		assertThat(this.listeners.applied).filteredOn(events::contains).containsExactlyElementsOf(events);
		assertThat(
				this.meters.counter("orderflow.consumer.retries", "topic", WaitingListeners.MAIL, "reason", "network")
					.count())
			.isGreaterThan(2);
	}

	/**
	 * The reason the health detail gives for the topic's partition 0, or null when it
	 * does not wait.
	 */
	@SuppressWarnings("unchecked")
	private String waitingOn(String topic) {
		Health health = this.health.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		Map<String, ConsumerRetries.Waiting> waiting = (Map<String, ConsumerRetries.Waiting>) health.getDetails()
			.get("waitingOnDependency");
		ConsumerRetries.Waiting wait = waiting.get(topic + "-0");
		return (wait != null) ? wait.reason() : null;
	}

	private void assertAppliedOnce(String consumer, List<OrderPlaced> events) {
		assertThat(this.listeners.applied).filteredOn(events::contains).containsExactlyElementsOf(events);
		for (OrderPlaced event : events) {
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE consumer = ? AND event_id = ?")
				.params(consumer, event.getEventId().toString())
				.query(Long.class)
				.single()).as("inbox rows of %s", event.getCustomerId()).isOne();
		}
	}

	private List<OrderPlaced> publish(String topic, String... customers) {
		List<OrderPlaced> events = new ArrayList<>();
		for (String customer : customers) {
			events.add(orderPlaced(customer));
		}
		this.transactions.executeWithoutResult(
				(tx) -> events.forEach((event) -> this.outbox.append(topic, event.getOrderId(), event)));
		return events;
	}

	/**
	 * Publishes bytes that are not Avro once the outbox has published what came before.
	 */
	private String publishPoison(String topic) throws Exception {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT COUNT(*) FROM outbox_event").query(Long.class).single() == 0);
		String key = "poison-" + UUID.randomUUID();
		try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
				Map.of("bootstrap.servers", this.broker.getBrokersAsString()), new StringSerializer(),
				new ByteArraySerializer())) {
			raw.send(new ProducerRecord<>(topic, key, "not avro".getBytes(StandardCharsets.UTF_8))).get();
		}
		return key;
	}

	/**
	 * The keys on {@code topic}'s dead-letter topic, in order, up to and including
	 * {@code lastKey}.
	 */
	private List<String> deadLetterKeysUpTo(String topic, String lastKey) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of("bootstrap.servers", this.broker.getBrokersAsString(), "group.id",
						"dlt-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic + ".DLT"));
			List<String> keys = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					keys.add(record.key());
				}
				return keys.contains(lastKey);
			});
			return keys;
		}
	}

}
