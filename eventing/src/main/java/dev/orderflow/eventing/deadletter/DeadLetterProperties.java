package dev.orderflow.eventing.deadletter;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retry policy before a record is dead-lettered ({@code orderflow.kafka.retry.*}): exponential
 * backoff from {@code initialInterval}, multiplied by {@code multiplier}, capped at
 * {@code maxInterval}, for at most {@code maxAttempts} deliveries in all.
 */
@ConfigurationProperties("orderflow.kafka.retry")
public record DeadLetterProperties(@DefaultValue("4") int maxAttempts, @DefaultValue("200ms") Duration initialInterval,
		@DefaultValue("2.0") double multiplier, @DefaultValue("2s") Duration maxInterval) {
}
