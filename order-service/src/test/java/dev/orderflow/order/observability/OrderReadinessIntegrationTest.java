package dev.orderflow.order.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import dev.orderflow.devstack.Component;
import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.StackPorts;
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
 * Readiness tells the truth about the broker: a real Kafka broker process (dev-stack, free
 * ports) is killed under the running service and started again. Readiness must turn DOWN within
 * 10 s and UP again, while liveness stays UP throughout: restarting the service would not bring
 * the broker back.
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
	}

	@AfterAll
	static void stopBroker() {
		if (broker != null) {
			broker.stop();
		}
	}

	@Test
	void readinessFollowsTheBrokerWhileLivenessStaysUp() throws Exception {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertReadiness("UP"));
		this.mvc.perform(get("/actuator/health/readiness"))
			.andExpect(jsonPath("$.components.kafka.status").value("UP"))
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.schemaRegistry.status").value("UP"));

		Instant killed = Instant.now();
		broker.kill("kafka");
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			// one probe per poll, as a kubelet would send
			this.mvc.perform(get("/actuator/health/readiness"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.status").value("DOWN"))
				.andExpect(jsonPath("$.components.kafka.status").value("DOWN"));
		});
		logger.info("Readiness DOWN {} ms after the broker was killed", Duration.between(killed, Instant.now()).toMillis());
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));

		broker.restart("kafka");
		Instant restarted = Instant.now();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertReadiness("UP"));
		logger.info("Readiness UP {} ms after the broker was ready again",
				Duration.between(restarted, Instant.now()).toMillis());
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(jsonPath("$.status").value("UP"));
	}

	private void assertReadiness(String expected) throws Exception {
		this.mvc.perform(get("/actuator/health/readiness")).andExpect(jsonPath("$.status").value(expected));
	}

}
