package dev.orderflow.registry;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * One registry on an embedded KRaft broker, shared by every integration test class (same
 * configuration, so Spring's test context cache starts it once). Tests use fresh subject
 * names so they never see each other's data.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1)
abstract class AbstractRegistryIntegrationTest {

	@LocalServerPort
	private int port;

	protected RegistryHttp http;

	@BeforeEach
	void connect() {
		this.http = new RegistryHttp(this.port);
	}

	protected static String subject(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
