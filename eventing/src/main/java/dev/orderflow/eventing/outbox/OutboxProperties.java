package dev.orderflow.eventing.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the outbox relay ({@code orderflow.outbox.*}).
 *
 * @param relayEnabled whether the relay thread starts with the application
 * @param pollInterval how long the relay sleeps when the outbox is empty (a commit wakes
 * it early)
 * @param batchSize how many events one round reads and publishes
 * @param sendTimeout how long to wait for the broker's acknowledgement of one event
 * @param retryInterval pause after a failed round (database, broker or registry
 * unavailable)
 * @param drainTimeout how long the relay keeps publishing at shutdown what the last
 * requests stored
 * @param healthMaxAge how long the oldest unpublished event may wait before the
 * {@code outbox} health says DOWN (not part of readiness: the service keeps taking orders
 * into the outbox)
 */
@ConfigurationProperties("orderflow.outbox")
public record OutboxProperties(@DefaultValue("true") boolean relayEnabled, @DefaultValue("200ms") Duration pollInterval,
		@DefaultValue("200") int batchSize, @DefaultValue("30s") Duration sendTimeout,
		@DefaultValue("1s") Duration retryInterval, @DefaultValue("10s") Duration drainTimeout,
		@DefaultValue("60s") Duration healthMaxAge) {
}
