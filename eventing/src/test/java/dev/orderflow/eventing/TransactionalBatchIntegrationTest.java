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

import dev.orderflow.events.OrderPlaced;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poll applied in one transaction
 * ({@link dev.orderflow.eventing.inbox.TransactionalBatch}) on a real broker: what comes
 * before a failing record commits, the failing record's own writes roll back, it and a
 * poison pill reach the dead-letter topic, and what follows is applied once.
 */
class TransactionalBatchIntegrationTest extends AbstractEventingIntegrationTest {

	static final String TOPIC = "eventing-batch-test";

	@Autowired
	EventingTestApplication.BatchListener listener;

	@Test
	void aFailingRecordRollsBackAloneAndGoesToTheDeadLetterTopic() throws Exception {
		OrderPlaced before = orderPlaced("before");
		OrderPlaced failing = orderPlaced("always-fails");
		OrderPlaced after = orderPlaced("after");
		// one transaction, so the relay publishes them together and they tend to arrive
		// in one poll
		this.transactions.executeWithoutResult((tx) -> List.of(before, failing, after)
			.forEach((event) -> this.outbox.append(TOPIC, event.getOrderId(), event)));
		String poisonKey = "poison-" + UUID.randomUUID();
		try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
				Map.of("bootstrap.servers", this.broker.getBrokersAsString()), new StringSerializer(),
				new ByteArraySerializer())) {
			raw.send(new ProducerRecord<>(TOPIC, poisonKey, "not avro".getBytes(StandardCharsets.UTF_8))).get();
		}
		OrderPlaced last = orderPlaced("last");
		this.transactions.executeWithoutResult((tx) -> this.outbox.append(TOPIC, last.getOrderId(), last));

		await().atMost(Duration.ofSeconds(30)).until(() -> this.listener.applied.contains(last));
		assertThat(this.listener.applied).containsExactly(before, after, last);
		assertThat(inboxRows(before)).as("inbox row of the record before the failure").isOne();
		assertThat(inboxRows(failing)).as("inbox row of the failing record, rolled back to its savepoint").isZero();
		List<ConsumerRecord<String, byte[]>> deadLetters = readDeadLetters(TOPIC,
				List.of(failing.getOrderId(), poisonKey));
		assertThat(deadLetters).extracting(ConsumerRecord::key)
			.containsExactlyInAnyOrder(failing.getOrderId(), poisonKey);
		assertThat(deadLetters).filteredOn((record) -> record.key().equals(poisonKey))
			.extracting((record) -> new String(record.value(), StandardCharsets.UTF_8))
			.containsExactly("not avro");
	}

	private long inboxRows(OrderPlaced event) {
		return this.jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE consumer = ? AND event_id = ?")
			.params(EventingTestApplication.BatchListener.CONSUMER, event.getEventId().toString())
			.query(Long.class)
			.single();
	}

}
