package dev.orderflow.eventing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import dev.orderflow.eventing.observability.KafkaHealthIndicator;
import dev.orderflow.eventing.observability.OutboxHealthIndicator;
import dev.orderflow.eventing.observability.SchemaRegistryHealthIndicator;
import dev.orderflow.events.OrderPlaced;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Trace context through the outbox, outbox and dead-letter meters, broker and registry
 * health.
 */
class EventingObservabilityIntegrationTest extends AbstractEventingIntegrationTest {

	static final String TOPIC = EventingIntegrationTest.TOPIC;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ObservationRegistry observations;

	@Autowired
	Tracer tracer;

	@Autowired
	KafkaHealthIndicator kafkaHealth;

	@Autowired
	SchemaRegistryHealthIndicator schemaRegistryHealth;

	@Autowired
	OutboxHealthIndicator outboxHealth;

	@Test
	void publicationContinuesTheTraceOfTheTransactionThatStoredTheEvent() {
		OrderPlaced event = orderPlaced("traced");
		String traceId = Observation.createNotStarted("test.request", this.observations).observe(() -> {
			this.transactions.executeWithoutResult((tx) -> this.outbox.append(TOPIC, event.getOrderId(), event));
			return this.tracer.currentSpan().context().traceId();
		});

		ConsumerRecord<String, byte[]> published = readRecord(TOPIC, event.getOrderId());
		Header traceparent = published.headers().lastHeader("traceparent");
		assertThat(traceparent).isNotNull();
		// W3C: version-traceId-spanId-flags
		assertThat(new String(traceparent.value(), StandardCharsets.UTF_8).split("-")[1]).isEqualTo(traceId);
	}

	@Test
	void outboxGaugesAndHealthShowWhatWaitsAndForHowLong() {
		assertThat(this.outboxHealth.health(true).getStatus()).isEqualTo(Status.UP);
		OrderPlaced event = orderPlaced("waiting");
		this.transactions.executeWithoutResult((tx) -> {
			this.outbox.append(TOPIC, event.getOrderId(), event);
			// seen only inside this transaction, which is rolled back: the relay never
			// publishes it
			this.jdbc.sql("UPDATE outbox_event SET created_at = :at WHERE record_key = :key")
				.param("at", java.sql.Timestamp.from(Instant.now().minusSeconds(90)))
				.param("key", event.getOrderId())
				.update();
			assertThat(this.meters.get("orderflow.outbox.backlog").gauge().value()).isGreaterThanOrEqualTo(1);
			assertThat(this.meters.get("orderflow.outbox.oldest.age").gauge().value()).isGreaterThanOrEqualTo(89);
			// past the threshold (60 s by default) the outbox health says what is wrong
			Health health = this.outboxHealth.health(true);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsKey("setAside").containsEntry("maxAgeSeconds", 60L);
			assertThat(health.getDetails().get("reason").toString()).contains("longer than 60 s");
			tx.setRollbackOnly();
		});
	}

	@Test
	void deadLettersAreCountedPerTopic() {
		double before = deadLetters();
		OrderPlaced failing = orderPlaced("always-fails");
		this.transactions.executeWithoutResult((tx) -> this.outbox.append(TOPIC, failing.getOrderId(), failing));

		await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters() >= before + 1);
		readRecord(TOPIC + ".DLT", failing.getOrderId());
	}

	@Test
	void brokerAndInMemoryRegistryAreHealthy() {
		assertThat(this.kafkaHealth.health(true).getStatus()).isEqualTo(Status.UP);
		assertThat(this.schemaRegistryHealth.health(true).getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void unreachableRegistryIsDown() {
		SchemaRegistryHealthIndicator unreachable = new SchemaRegistryHealthIndicator("http://127.0.0.1:1", null,
				Duration.ofMillis(500));
		assertThat(unreachable.health(true).getStatus()).isEqualTo(Status.DOWN);
	}

	private double deadLetters() {
		var counter = this.meters.find("orderflow.dead.letters").tag("topic", TOPIC).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private ConsumerRecord<String, byte[]> readRecord(String topic, String key) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of("bootstrap.servers", this.broker.getBrokersAsString(), "group.id",
						"observability-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((r) -> {
					if (key.equals(r.key())) {
						found.add(r);
					}
				});
				return !found.isEmpty();
			});
			return found.get(0);
		}
	}

}
