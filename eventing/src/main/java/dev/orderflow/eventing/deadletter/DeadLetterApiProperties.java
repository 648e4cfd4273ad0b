package dev.orderflow.eventing.deadletter;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dead-letter API ({@code orderflow.dead-letters.*}).
 *
 * @param topics the dead-letter topics this service shows; empty (the default) means
 * {@code <topic>.DLT} for every topic its {@code @KafkaListener}s consume
 * @param readTimeout how long one request may spend reading the dead-letter topics
 * @param previewLength the longest value preview, in characters
 * @param replayProducer Kafka client properties the replay producer takes instead of the
 * service's own, e.g. the {@code sasl.jaas.config} of a principal allowed to write the
 * topics replays go to, which other services own (docs/security.md); blank values are
 * ignored
 */
@ConfigurationProperties("orderflow.dead-letters")
public record DeadLetterApiProperties(@DefaultValue List<String> topics, @DefaultValue("10s") Duration readTimeout,
		@DefaultValue("500") int previewLength, @DefaultValue Map<String, String> replayProducer) {
}
