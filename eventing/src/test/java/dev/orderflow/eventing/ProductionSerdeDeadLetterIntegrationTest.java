package dev.orderflow.eventing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.orderflow.events.OrderPlaced;
import dev.orderflow.schemaregistry.client.MockSchemaRegistry;
import dev.orderflow.schemaregistry.serde.KafkaAvroDeserializer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Dead letters under the production overlay's serde settings (k8s/overlays/production):
 * schemas are registered by the release pipeline, before any service runs, and services
 * neither register schemas nor write anything but the latest version. No
 * {@code <topic>.DLT} subject exists: the dead letter must still be published, read back
 * as the same event, and replay.
 */
// a database of its own: the shared test context stays alive, and its outbox relay must
// not publish our events
@TestPropertySource(properties = {
		"spring.kafka.properties.schema.registry.url=mock://" + ProductionSerdeDeadLetterIntegrationTest.SCOPE,
		"spring.kafka.properties.auto.register.schemas=false", "spring.kafka.properties.use.latest.version=true",
		"spring.datasource.url=jdbc:h2:mem:eventing-production;DB_CLOSE_DELAY=-1" })
class ProductionSerdeDeadLetterIntegrationTest extends AbstractEventingIntegrationTest {

	static final String SCOPE = "eventing-production";

	static {
		// what the release pipeline registers: the subjects of the topics, none for their
		// DLTs
		MockSchemaRegistry.getClientForScope(SCOPE)
			.register(REPLAY_TOPIC + "-" + OrderPlaced.getClassSchema().getFullName(),
					OrderPlaced.getClassSchema().toString(), false);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	EventingTestApplication.FixableListener listener;

	@Test
	void aFailedEventIsDeadLetteredUnderItsTopicsSubjectReadsBackAndReplays() throws Exception {
		this.listener.broken = true;
		OrderPlaced event = orderPlaced("production-serde");
		this.transactions.executeWithoutResult((tx) -> this.outbox.append(REPLAY_TOPIC, event.getOrderId(), event));

		ConsumerRecord<String, byte[]> deadLetter = readDeadLetters(REPLAY_TOPIC, List.of(event.getOrderId())).get(0);
		KafkaAvroDeserializer production = new KafkaAvroDeserializer();
		production.configure(Map.of("schema.registry.url", "mock://" + SCOPE, "specific.avro.reader", true), false);
		assertThat(production.deserialize(REPLAY_TOPIC, deadLetter.value())).isEqualTo(event);
		assertThat(MockSchemaRegistry.getClientForScope(SCOPE).getAllSubjects())
			.noneMatch((subject) -> subject.contains(".DLT"));

		this.listener.broken = false;
		String id = REPLAY_TOPIC + ".DLT-" + deadLetter.partition() + "-" + deadLetter.offset();
		this.mvc.perform(post("/api/dead-letters/{id}/replay", id)).andExpect(status().isAccepted());
		await().atMost(Duration.ofSeconds(30)).until(() -> this.listener.received.contains(event));
		String listed = this.mvc.perform(get("/api/dead-letters")).andReturn().getResponse().getContentAsString();
		List<String> previews = JsonPath.read(listed, "$[?(@.key == '" + event.getOrderId() + "')].valuePreview");
		assertThat(previews).singleElement().asString().contains("\"customerId\": \"production-serde\"");
	}

}
