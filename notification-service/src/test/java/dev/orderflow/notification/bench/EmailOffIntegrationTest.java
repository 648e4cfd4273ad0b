package dev.orderflow.notification.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orderflow.schemaregistry.serde.KafkaAvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.orderflow.eventing.security.SignedTokens;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.orderflow.notification.OrderEventsFixtures.confirmed;
import static dev.orderflow.notification.OrderEventsFixtures.newOrderId;
import static dev.orderflow.notification.OrderEventsFixtures.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A benchmark stack with e-mail off (ADR 0020): the notification is recorded as sent and
 * shown by the API as with e-mail on, but the SMTP server (GreenMail) receives nothing;
 * the health says which switch is on.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"spring.kafka.properties.schema.registry.url=" + EmailOffIntegrationTest.REGISTRY,
				"spring.datasource.url=jdbc:h2:mem:notification-service-email-off;DB_CLOSE_DELAY=-1",
				"spring.mail.host=127.0.0.1", "logging.level.com.icegreen.greenmail=WARN",
				"orderflow.bench.allow-unsafe-switches=true", "orderflow.bench.email-off=true" })
@EmbeddedKafka(partitions = 1, topics = { "orders", "inventory" })
@DirtiesContext
@Import(SignedTokens.Trusted.class)
class EmailOffIntegrationTest {

	static final String REGISTRY = "mock://notification-service-email-off";

	private static GreenMail smtp;

	@LocalServerPort
	private int port;

	@Value("${spring.embedded.kafka.brokers}")
	private String brokers;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
		smtp.start();
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@AfterAll
	static void stopSmtpServer() {
		smtp.stop();
	}

	@Test
	void recordsTheNotificationAsSentWithoutAnEmail() throws Exception {
		String orderId = newOrderId();
		String customer = "ada-" + orderId + "@example.com";

		publish(orderId, placed(orderId, customer));
		publish(orderId, confirmed(orderId, customer));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(get("/api/notifications?orderId=" + orderId))
				.contains("\"type\":\"ORDER_CONFIRMED\"", "\"status\":\"SENT\"", "\"recipient\":\"" + customer + "\""));
		// the e-mail would have been sent before the notification committed
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	@Test
	void saysInItsHealthThatItIsABenchmarkStack() throws Exception {
		assertThat(get("/actuator/health")).contains("\"benchSwitches\"", "orderflow.bench.email-off");
	}

	private void publish(String key, SpecificRecord event) throws Exception {
		try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class,
				"schema.registry.url", REGISTRY, "value.subject.name.strategy",
				"io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"))) {
			producer.send(new ProducerRecord<>("orders", key, event)).get();
		}
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Authorization", "Bearer " + SignedTokens.operator())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
