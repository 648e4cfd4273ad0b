package dev.orderflow.eventing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.orderflow.events.OrderLine;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.schemaregistry.serde.KafkaAvroSerializer;
import dev.orderflow.schemaregistry.serde.subject.TopicRecordNameStrategy;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dead-letter API over a real (embedded) broker: an event the listener fails on is
 * listed with its failure, and once the listener is fixed a replay delivers it; a record
 * is replayed once.
 */
class DeadLetterApiIntegrationTest extends AbstractEventingIntegrationTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	MockMvc mvc;

	@Autowired
	EventingTestApplication.FixableListener listener;

	@Test
	void listsAFailedEventAndReplaysItOnceAfterTheFix() throws Exception {
		this.listener.broken = true;
		OrderPlaced event = publish("fixable");

		Map<String, Object> deadLetter = awaitDeadLetter(event.getOrderId());
		assertThat(deadLetter).containsEntry("dltTopic", REPLAY_TOPIC + ".DLT")
			.containsEntry("partition", 0)
			.containsEntry("originalTopic", REPLAY_TOPIC)
			.containsEntry("originalPartition", 0)
			.containsEntry("consumerGroup", "eventing-replay-test")
			.containsEntry("replayed", false);
		assertThat(deadLetter.get("id")).isEqualTo(REPLAY_TOPIC + ".DLT-0-" + deadLetter.get("offset"));
		assertThat(deadLetter.get("originalOffset")).isInstanceOf(Number.class);
		assertThat((String) deadLetter.get("exceptionClass")).isNotBlank();
		assertThat((String) deadLetter.get("exceptionMessage")).contains("listener is broken");
		assertThat((String) deadLetter.get("valuePreview")).contains("\"customerId\": \"fixable\"", event.getOrderId())
			.contains("\"customerEmail\": \"****\"")
			.doesNotContain("ada@example.com");
		assertThat(this.listener.received).doesNotContain(event);

		this.listener.broken = false;
		String id = (String) deadLetter.get("id");
		this.mvc.perform(post("/api/dead-letters/{id}/replay", id))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.replayed").value(true));

		await().atMost(TIMEOUT).until(() -> this.listener.received.contains(event));
		this.mvc.perform(post("/api/dead-letters/{id}/replay", id))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("dead letter " + id + " was already replayed"));
		assertThat(deadLetterOf(event.getOrderId())).containsEntry("replayed", true);
	}

	@Test
	void replaysEveryDeadLetterNotReplayedYet() throws Exception {
		this.listener.broken = true;
		OrderPlaced first = publish("replay-all-1");
		OrderPlaced second = publish("replay-all-2");
		awaitDeadLetter(first.getOrderId());
		awaitDeadLetter(second.getOrderId());

		this.listener.broken = false;
		this.mvc.perform(post("/api/dead-letters/replay"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.replayed").value(greaterThanOrEqualTo(2)));

		await().atMost(TIMEOUT).until(() -> this.listener.received.containsAll(List.of(first, second)));
		assertThat(deadLetterOf(first.getOrderId())).containsEntry("replayed", true);
		assertThat(deadLetterOf(second.getOrderId())).containsEntry("replayed", true);
	}

	@Test
	void aRecordThatBreaksAReadRuleOfItsContractIsDeadLetteredAtOnceWithTheRuleInAHeader() throws Exception {
		OrderPlaced event = OrderPlaced.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(UUID.randomUUID().toString())
			.setOccurredAt(Instant.parse("2026-11-26T08:00:00Z"))
			.setCustomerId("no-rules")
			.setCustomerEmail("ada@example.com")
			.setLines(List.of(new OrderLine("SKU-001", 0)))
			.build();
		// a producer that does not enforce the rules: only the consumer's deserializer
		// can refuse it
		Map<String, Object> configs = Map.of("bootstrap.servers", this.broker.getBrokersAsString(),
				"schema.registry.url", "mock://eventing-test", KafkaAvroSerializer.RULES_ENABLED, "false",
				"value.subject.name.strategy", TopicRecordNameStrategy.class.getName());
		KafkaAvroSerializer withoutRules = new KafkaAvroSerializer();
		withoutRules.configure(configs, false);
		try (KafkaProducer<String, Object> producer = new KafkaProducer<>(configs, new StringSerializer(),
				withoutRules)) {
			producer.send(new ProducerRecord<>(REPLAY_TOPIC, event.getOrderId(), event)).get();
		}

		ConsumerRecord<String, byte[]> deadLetter = readDeadLetters(REPLAY_TOPIC, List.of(event.getOrderId())).get(0);
		assertThat(new String(deadLetter.headers().lastHeader("__rule.name").value(), StandardCharsets.UTF_8))
			.isEqualTo("lineQuantityWithinCap");
		assertThat(new String(deadLetter.headers().lastHeader("__rule.mode").value(), StandardCharsets.UTF_8))
			.isEqualTo("READ");
		Map<String, Object> listed = awaitDeadLetter(event.getOrderId());
		assertThat((String) listed.get("exceptionMessage"))
			.contains("Rule 'lineQuantityWithinCap' (READ CONDITION on field lines)");
		// previewed although it breaks the rules, with the field its contract tags PII
		// masked
		assertThat((String) listed.get("valuePreview")).contains("\"quantity\": 0", "\"customerEmail\": \"****\"")
			.doesNotContain("ada@example.com");
		assertThat(this.listener.received).doesNotContain(event);
	}

	@Test
	void unknownOrMalformedIdsAreNotFound() throws Exception {
		for (String id : List.of(REPLAY_TOPIC + ".DLT-0-999999", "some-other-topic-0-0", "not-an-id")) {
			this.mvc.perform(post("/api/dead-letters/{id}/replay", id))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.title").value("Dead letter not found"));
		}
	}

	private OrderPlaced publish(String customerId) {
		OrderPlaced event = OrderPlaced.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(UUID.randomUUID().toString())
			.setOccurredAt(Instant.parse("2026-11-26T08:00:00Z"))
			.setCustomerId(customerId)
			.setCustomerEmail("ada@example.com")
			.setLines(List.of(new OrderLine("SKU-001", 1)))
			.build();
		this.transactions.executeWithoutResult((tx) -> this.outbox.append(REPLAY_TOPIC, event.getOrderId(), event));
		return event;
	}

	private Map<String, Object> awaitDeadLetter(String key) {
		return await().atMost(TIMEOUT).until(() -> deadLetterOf(key), (found) -> found != null);
	}

	/** The dead letter with that key as GET /api/dead-letters lists it, or null. */
	private Map<String, Object> deadLetterOf(String key) throws Exception {
		String body = this.mvc.perform(get("/api/dead-letters"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Map<String, Object>> found = JsonPath.read(body, "$[?(@.key == '" + key + "')]");
		return found.isEmpty() ? null : found.get(0);
	}

}
