package dev.orderflow.order.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.orderflow.devstack.Component;
import dev.orderflow.devstack.DataDir;
import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.StackPorts;
import dev.orderflow.devstack.kafka.KafkaUsers;
import dev.orderflow.devstack.ports.PortCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Readiness means "can serve" (ADR 0009): a real Kafka broker process (dev-stack, free
 * ports) is killed under the running service and started again. /actuator/health must
 * report the broker DOWN within 10 s and UP again, while readiness and liveness stay UP
 * throughout: the outbox keeps taking orders while the broker is away, and restarting the
 * service would not bring it back.
 */
@SpringBootTest(properties = { "spring.kafka.properties.schema.registry.url=mock://order-readiness-test",
		"spring.datasource.url=jdbc:h2:mem:order-readiness-test;DB_CLOSE_DELAY=-1", "logging.level.kafka=WARN",
		"logging.level.org.apache.kafka=ERROR", "orderflow.outbox.poll-interval=200ms" })
@AutoConfigureMockMvc
class OrderReadinessIntegrationTest {

	private static final Logger logger = LoggerFactory.getLogger(OrderReadinessIntegrationTest.class);

	private static LocalStack broker;

	private static Path dataDir;

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void startBroker(DynamicPropertyRegistry registry) throws IOException {
		dataDir = Files.createTempDirectory("order-readiness-test");
		StackPorts ports = new StackPorts(PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort(),
				PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort());
		broker = LocalStack.builder().dataDir(dataDir).ports(ports).components(Component.KAFKA).build();
		broker.start();
		registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
		// the broker requires SASL/SCRAM (docs/security.md): sign in as order-service, as
		// the stack's services do
		KafkaUsers users = KafkaUsers.in(new DataDir(dataDir).config());
		Map<String, Object> signIn = users.clientProperties("order-service");
		signIn.forEach((name, value) -> registry.add("spring.kafka.properties." + name, () -> value));
		// and the protocol where the stack sets it (KAFKA_SECURITY_PROTOCOL): Spring Boot
		// puts spring.kafka.security.protocol (PLAINTEXT in application.yml) over
		// spring.kafka.properties in the clients it builds, so KafkaAdmin and the
		// listener
		// stayed on PLAINTEXT, the broker dropped them, and KafkaAdmin waited 30 s at
		// start-up
		registry.add("spring.kafka.security.protocol", () -> signIn.get("security.protocol"));
	}

	@AfterAll
	static void stopBroker() {
		if (broker != null) {
			broker.stop();
		}
	}

	@Test
	void healthFollowsTheBrokerWhileReadinessAndLivenessStayUp() throws Exception {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertBroker("UP"));
		this.mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.kafka").doesNotExist())
			.andExpect(jsonPath("$.components.schemaRegistry").doesNotExist());
		this.mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.components.schemaRegistry.status").value("UP"));

		Instant killed = Instant.now();
		broker.kill("kafka");
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			// one probe per poll, as a kubelet would send
			this.mvc.perform(get("/actuator/health"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.components.kafka.status").value("DOWN"));
		});
		logger.info("Broker DOWN in /actuator/health {} ms after it was killed",
				Duration.between(killed, Instant.now()).toMillis());
		this.mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		this.mvc.perform(get("/actuator/health/liveness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));

		broker.restart("kafka");
		Instant restarted = Instant.now();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertBroker("UP"));
		logger.info("Broker UP in /actuator/health {} ms after it was ready again",
				Duration.between(restarted, Instant.now()).toMillis());
		this.mvc.perform(get("/actuator/health/readiness")).andExpect(jsonPath("$.status").value("UP"));
	}

	private void assertBroker(String expected) throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.components.kafka.status").value(expected));
	}

}
