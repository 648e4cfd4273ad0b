package dev.orderflow.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orderflow.schemaregistry.serde.KafkaAvroSerializer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.orderflow.eventing.security.SignedTokens;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.orderflow.notification.OrderEventsFixtures.cancelled;
import static dev.orderflow.notification.OrderEventsFixtures.confirmed;
import static dev.orderflow.notification.OrderEventsFixtures.newOrderId;
import static dev.orderflow.notification.OrderEventsFixtures.placed;
import static dev.orderflow.notification.OrderEventsFixtures.rejected;
import static dev.orderflow.notification.OrderEventsFixtures.reserved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service against an embedded Kafka broker (KRaft), an in-memory schema
 * registry and a real SMTP server (GreenMail): events in, e-mails, records and
 * server-sent events out.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"spring.kafka.properties.schema.registry.url=" + NotificationServiceIntegrationTest.REGISTRY,
				"spring.datasource.url=jdbc:h2:mem:notification-service-test;DB_CLOSE_DELAY=-1",
				"spring.mail.host=127.0.0.1",
				// GreenMail is this test's mail server, not the service: it logs each
				// mailbox it creates
				"logging.level.com.icegreen.greenmail=WARN" })
@EmbeddedKafka(partitions = 3, topics = { "orders", "inventory" })
// Close the context (and its broker) after this class rather than in a JVM shutdown hook,
// where it
// races the Kafka test kit deleting the broker's log directory.
@DirtiesContext
@Import(SignedTokens.Trusted.class)
@ExtendWith(OutputCaptureExtension.class)
class NotificationServiceIntegrationTest {

	static final String REGISTRY = "mock://notification-service-test";

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static GreenMail smtp;

	@LocalServerPort
	private int port;

	@Value("${spring.embedded.kafka.brokers}")
	private String brokers;

	private KafkaProducer<String, SpecificRecord> producer;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		// Started here, before the application context, on a free port chosen by the OS.
		smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
		smtp.start();
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@AfterAll
	static void stopSmtpServer() {
		smtp.stop();
	}

	@BeforeEach
	void createProducer() {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class, "schema.registry.url",
				REGISTRY, "value.subject.name.strategy",
				"io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"));
	}

	@AfterEach
	void closeProducer() {
		this.producer.close(Duration.ofSeconds(5));
	}

	@Test
	void emailsTheCustomerOnceWhenTheOrderIsConfirmed() throws Exception {
		String orderId = newOrderId();
		String customer = "ada-" + orderId + "@example.com";

		publish("orders", orderId, placed(orderId, customer));
		publish("orders", orderId, confirmed(orderId, customer));

		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(mailsTo(customer)).hasSize(1));
		MimeMessage mail = mailsTo(customer).get(0);
		assertThat(mail.getSubject()).isEqualTo("Order " + orderId + " confirmed");
		assertThat(mail.getFrom()[0]).hasToString("orders@orderflow.local");
		assertThat(body(mail)).contains("2 x SKU-001", "1 x SKU-042");

		assertThat(get("/api/notifications?orderId=" + orderId)).contains("\"orderId\":\"" + orderId + "\"",
				"\"type\":\"ORDER_CONFIRMED\"", "\"status\":\"SENT\"", "\"recipient\":\"" + customer + "\"");
	}

	@Test
	void emailsARedeliveredEventOnlyOnce() throws Exception {
		String orderId = newOrderId();
		String customer = "bob-" + orderId + "@example.com";
		var event = confirmed(orderId, customer);

		publish("orders", orderId, event);
		publish("orders", orderId, event);
		// Same key, same partition: once the cancellation is mailed, both copies were
		// handled.
		publish("orders", orderId, cancelled(orderId, customer));

		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(mailsTo(customer)).hasSize(2));
		assertThat(mailsTo(customer)).extracting(MimeMessage::getSubject)
			.containsExactly("Order " + orderId + " confirmed", "Order " + orderId + " cancelled");
		assertThat(get("/api/notifications?orderId=" + orderId)).contains("ORDER_CONFIRMED", "ORDER_CANCELLED");
	}

	@Test
	void emailsTheReasonWhenTheOrderIsRejected() throws Exception {
		String orderId = newOrderId();
		String customer = "cy-" + orderId + "@example.com";

		publish("orders", orderId, rejected(orderId, customer, "insufficient stock for SKU-001: short by 3"));

		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(mailsTo(customer)).hasSize(1));
		MimeMessage mail = mailsTo(customer).get(0);
		assertThat(mail.getSubject())
			.isEqualTo("Order " + orderId + " rejected: insufficient stock for SKU-001: short by 3");
		assertThat(body(mail)).contains("insufficient stock for SKU-001: short by 3");
	}

	@Test
	void neverLogsACustomersEmailAddressInTheClear(CapturedOutput output) throws Exception {
		String orderId = newOrderId();
		String customer = "eve-" + orderId + "@example.com";
		publish("orders", orderId, placed(orderId, customer));
		publish("orders", orderId, confirmed(orderId, customer));
		// and one that breaks its contract on read (a space in the address), from a
		// producer without rules
		String broken = newOrderId();
		String brokenCustomer = "mal lory-" + broken + "@example.com";
		try (KafkaProducer<String, SpecificRecord> withoutRules = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class,
				"schema.registry.url", REGISTRY, "value.subject.name.strategy",
				"io.confluent.kafka.serializers.subject.TopicRecordNameStrategy", KafkaAvroSerializer.RULES_ENABLED,
				"false"))) {
			withoutRules.send(new ProducerRecord<>("orders", broken, confirmed(broken, brokenCustomer))).get();
		}

		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(mailsTo(customer)).hasSize(1));
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(get("/api/dead-letters")).contains("\"key\":\"" + broken + "\"",
					"Rule 'customerEmailIsAnAddress' (READ CONDITION on field customerEmail)"));
		assertThat(get("/api/dead-letters")).doesNotContain(brokenCustomer);
		assertThat(output.getAll()).as("the log of this run")
			.contains(orderId)
			.doesNotContain(customer, brokenCustomer);
	}

	@Test
	void streamsNotificationsAndSagaEventsToBrowsers() throws Exception {
		String orderId = newOrderId();
		String customer = "dee-" + orderId + "@example.com";
		List<String> lines = new CopyOnWriteArrayList<>();
		HttpResponse<Stream<String>> response = this.http.send(HttpRequest.newBuilder(uri("/api/notifications/stream"))
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + SignedTokens.operator())
			.build(), HttpResponse.BodyHandlers.ofLines());
		Thread reader = new Thread(() -> readInto(lines, response.body()), "sse-reader");
		reader.setDaemon(true);
		reader.start();
		try {
			assertThat(response.statusCode()).isEqualTo(200);
			await().atMost(TIMEOUT).until(() -> lines.contains(":connected"));

			publish("inventory", orderId, reserved(orderId));
			publish("orders", orderId, confirmed(orderId, customer));

			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(eventData(lines, "notification"))
					.anySatisfy((data) -> assertThat(data).contains("\"orderId\":\"" + orderId + "\"",
							"\"subject\":\"Order " + orderId + " confirmed\"", "\"status\":\"SENT\"")));
			// the two topics are consumed by separate listeners: their events may arrive
			// in either order
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(eventData(lines, "order-event"))
					.anySatisfy((data) -> assertThat(data).contains("\"type\":\"StockReserved\"",
							"\"orderId\":\"" + orderId + "\"", "\"source\":\"inventory-service\""))
					.anySatisfy((data) -> assertThat(data).contains("\"type\":\"OrderConfirmed\"",
							"\"orderId\":\"" + orderId + "\"", "\"source\":\"order-service\"")));
		}
		finally {
			response.body().close();
			reader.interrupt();
		}
	}

	private static void readInto(List<String> lines, Stream<String> stream) {
		try {
			stream.forEach(lines::add);
		}
		catch (UncheckedIOException ex) {
			// the test closed the stream
		}
	}

	private void publish(String topic, String key, SpecificRecord event) throws Exception {
		this.producer.send(new ProducerRecord<>(topic, key, event)).get();
	}

	private static List<MimeMessage> mailsTo(String address) throws MessagingException {
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> {
			try {
				return message.getAllRecipients()[0].toString().equals(address);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static String body(MimeMessage mail) throws IOException, MessagingException {
		return mail.getContent().toString();
	}

	// The data lines that follow "event:<name>" in a server-sent event stream.
	private static List<String> eventData(List<String> lines, String name) {
		List<String> snapshot = List.copyOf(lines);
		List<String> data = new ArrayList<>();
		for (int i = 0; i + 1 < snapshot.size(); i++) {
			if (snapshot.get(i).equals("event:" + name) && snapshot.get(i + 1).startsWith("data:")) {
				data.add(snapshot.get(i + 1).substring("data:".length()));
			}
		}
		return data;
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + SignedTokens.operator()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
