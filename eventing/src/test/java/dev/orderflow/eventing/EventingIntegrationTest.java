package dev.orderflow.eventing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.orderflow.eventing.inbox.ProcessedEvents;
import dev.orderflow.eventing.outbox.OutboxRelay;
import dev.orderflow.events.OrderPlaced;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EventingIntegrationTest extends AbstractEventingIntegrationTest {

	static final String TOPIC = "eventing-test";

	@Autowired
	OutboxRelay relay;

	@Autowired
	ProcessedEvents processedEvents;

	@Autowired
	EventingTestApplication.RecordingListener listener;

	@Test
	void committedEventIsPublishedAndRemovedFromTheOutbox() {
		OrderPlaced event = orderPlaced("c-1");
		this.transactions.executeWithoutResult((tx) -> this.outbox.append(TOPIC, event.getOrderId(), event));

		await().atMost(Duration.ofSeconds(20)).until(() -> this.listener.received.contains(event));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.relay.backlog() == 0);
	}

	@Test
	void rolledBackEventIsNeverPublished() {
		OrderPlaced rolledBack = orderPlaced("rolled-back");
		OrderPlaced committed = orderPlaced("committed-after");
		this.transactions.executeWithoutResult((tx) -> {
			this.outbox.append(TOPIC, rolledBack.getOrderId(), rolledBack);
			tx.setRollbackOnly();
		});
		this.transactions.executeWithoutResult((tx) -> this.outbox.append(TOPIC, committed.getOrderId(), committed));

		// the later event arrives, so the earlier one had its chance: it must not be
		// there
		await().atMost(Duration.ofSeconds(20)).until(() -> this.listener.received.contains(committed));
		assertThat(this.listener.received).doesNotContain(rolledBack);
	}

	@Test
	void secondDeliveryOfAnEventIsRecognised() {
		UUID eventId = UUID.randomUUID();
		Boolean first = this.transactions.execute((tx) -> this.processedEvents.firstDelivery("test", eventId));
		Boolean second = this.transactions.execute((tx) -> this.processedEvents.firstDelivery("test", eventId));
		Boolean otherConsumer = this.transactions.execute((tx) -> this.processedEvents.firstDelivery("other", eventId));
		assertThat(first).isTrue();
		assertThat(second).isFalse();
		assertThat(otherConsumer).isTrue();
	}

	@Test
	void inboxEntryRollsBackWithTheEffect() {
		UUID eventId = UUID.randomUUID();
		this.transactions.executeWithoutResult((tx) -> {
			this.processedEvents.firstDelivery("test", eventId);
			tx.setRollbackOnly();
		});
		Boolean retried = this.transactions.execute((tx) -> this.processedEvents.firstDelivery("test", eventId));
		assertThat(retried).isTrue();
	}

	@Test
	void failingEventAndPoisonPillGoToTheDeadLetterTopicAndTheConsumerCarriesOn() throws Exception {
		OrderPlaced failing = orderPlaced("always-fails");
		// unique, because the dead-letter API test may replay earlier dead letters of
		// this topic
		String poisonKey = "poison-" + UUID.randomUUID();
		this.transactions.executeWithoutResult((tx) -> this.outbox.append(TOPIC, failing.getOrderId(), failing));
		try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
				Map.of("bootstrap.servers", this.broker.getBrokersAsString()), new StringSerializer(),
				new ByteArraySerializer())) {
			raw.send(new ProducerRecord<>(TOPIC, poisonKey, "not avro".getBytes(StandardCharsets.UTF_8))).get();
		}
		OrderPlaced after = orderPlaced("after-the-bad-ones");
		this.transactions.executeWithoutResult((tx) -> this.outbox.append(TOPIC, after.getOrderId(), after));

		await().atMost(Duration.ofSeconds(30)).until(() -> this.listener.received.contains(after));
		List<ConsumerRecord<String, byte[]>> deadLetters = readDeadLetters(TOPIC,
				List.of(failing.getOrderId(), poisonKey));
		assertThat(deadLetters).extracting(ConsumerRecord::key)
			.containsExactlyInAnyOrder(failing.getOrderId(), poisonKey);
		ConsumerRecord<String, byte[]> poison = deadLetters.stream()
			.filter((r) -> r.key().equals(poisonKey))
			.findFirst()
			.orElseThrow();
		assertThat(new String(poison.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
		assertThat(new String(poison.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC).value(),
				StandardCharsets.UTF_8))
			.isEqualTo(TOPIC);
		assertThat(poison.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isNotNull();
	}

}
