package dev.orderflow.eventing.deadletter;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retry policy of the consumers ({@code orderflow.kafka.retry.*}, ADR 0009). A record
 * that failed for a reason of its own is retried with exponential backoff from
 * {@code initialInterval}, multiplied by {@code multiplier}, capped at
 * {@code maxInterval}, for at most {@code maxAttempts} deliveries in all, then
 * dead-lettered. A record whose failure is transient (a dependency is away) is retried
 * with the same backoff capped at {@code transientMaxInterval}, with no limit: it is
 * never dead-lettered.
 */
@ConfigurationProperties("orderflow.kafka.retry")
public record DeadLetterProperties(@DefaultValue("4") int maxAttempts, @DefaultValue("200ms") Duration initialInterval,
		@DefaultValue("2.0") double multiplier, @DefaultValue("2s") Duration maxInterval,
		@DefaultValue("10s") Duration transientMaxInterval) {
}
