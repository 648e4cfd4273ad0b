package dev.orderflow.eventing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.orderflow.events.OrderPlaced;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A benchmark stack's switches on (ADR 0020): the outbox sends directly (events arrive,
 * no {@code outbox_event} row is written) and the inbox is off (a redelivered event is
 * applied twice, no {@code processed_event} row is written); the service says so in its
 * log and its health.
 */
// a database of its own: the other classes' contexts share jdbc:h2:mem:eventing and leave
// inbox and outbox rows in it
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:bench-switches;DB_CLOSE_DELAY=-1",
		"orderflow.bench.allow-unsafe-switches=true", "orderflow.bench.outbox-direct-send=true",
		"orderflow.bench.inbox-off=true" })
// its own context and broker: closed after this class, not kept for the other tests
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class BenchSwitchesIntegrationTest extends AbstractEventingIntegrationTest {

	@Autowired
	EventingTestApplication.BatchListener listener;

	@Autowired
	HealthIndicator benchSwitchesHealthIndicator;

	@Test
	void sendsCommittedEventsWithoutWritingTheOutbox() {
		OrderPlaced rolledBack = orderPlaced("rolled-back");
		OrderPlaced committed = orderPlaced("committed");
		this.transactions.executeWithoutResult((tx) -> {
			this.outbox.append(RELAY_TOPIC, rolledBack.getOrderId(), rolledBack);
			tx.setRollbackOnly();
		});
		this.transactions
			.executeWithoutResult((tx) -> this.outbox.append(RELAY_TOPIC, committed.getOrderId(), committed));

		// one partition: had the rolled-back event been sent, it would come first
		assertThat(keysUntil(RELAY_TOPIC, committed.getOrderId())).doesNotContain(rolledBack.getOrderId());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbox_event").query(Long.class).single()).isZero();
	}

	@Test
	void appliesARedeliveredEventAgainWithoutWritingTheInbox() {
		OrderPlaced event = orderPlaced("delivered-twice");
		this.transactions
			.executeWithoutResult((tx) -> this.outbox.append(TransactionalBatchIntegrationTest.TOPIC, "first", event));
		this.transactions
			.executeWithoutResult((tx) -> this.outbox.append(TransactionalBatchIntegrationTest.TOPIC, "again", event));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.listener.applied).filteredOn(event::equals).hasSize(2));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM processed_event").query(Long.class).single()).isZero();
	}

	@Test
	void saysItIsABenchmarkStackInItsLogAndHealth(CapturedOutput output) {
		var health = this.benchSwitchesHealthIndicator.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("on",
				List.of("orderflow.bench.outbox-direct-send", "orderflow.bench.inbox-off"));
		assertThat(output).contains("WARN",
				"BENCHMARK STACK: orderflow.bench.outbox-direct-send, orderflow.bench.inbox-off on");
	}

	private List<String> keysUntil(String topic, String last) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of("bootstrap.servers", this.broker.getBrokersAsString(), "group.id",
						"bench-switches-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<String> keys = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> keys.add(record.key()));
				return keys.contains(last);
			});
			return keys;
		}
	}

}
