package dev.orderflow.eventing.deadletter;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay writes a topic another service owns, so with Kafka ACLs it signs in as a
 * principal of its own ({@code orderflow.dead-letters.replay-producer}); without one it
 * keeps the service's.
 */
class ReplayCredentialsTest {

	@Test
	void aReplaySignsInWithTheReplayPrincipalWhenOneIsConfigured() {
		ReplayProducer producer = replayProducer(Map.of("sasl.jaas.config", "replay-login"));
		try {
			assertThat(producer.configuration()).containsEntry("sasl.jaas.config", "replay-login")
				.containsEntry("security.protocol", "SASL_PLAINTEXT")
				.containsEntry("acks", "all");
		}
		finally {
			producer.destroy();
		}
	}

	@Test
	void aBlankReplayPrincipalKeepsTheServicesOwn() {
		ReplayProducer producer = replayProducer(Map.of("sasl.jaas.config", ""));
		try {
			assertThat(producer.configuration()).containsEntry("sasl.jaas.config", "service-login");
		}
		finally {
			producer.destroy();
		}
	}

	private static ReplayProducer replayProducer(Map<String, String> replayProducer) {
		KafkaProperties kafka = new KafkaProperties();
		kafka.getSecurity().setProtocol("SASL_PLAINTEXT");
		kafka.getProperties().put("sasl.jaas.config", "service-login");
		kafka.getProducer().setAcks("all");
		DeadLetterApiProperties properties = new DeadLetterApiProperties(List.of(), Duration.ofSeconds(10), 500,
				replayProducer);
		return new DeadLetterApiConfiguration().deadLetterReplayProducer(kafka, properties);
	}

}
