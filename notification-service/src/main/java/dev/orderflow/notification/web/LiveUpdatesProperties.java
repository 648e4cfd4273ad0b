package dev.orderflow.notification.web;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the live stream ({@code orderflow.notification.stream.*}). The heartbeat
 * period, {@code orderflow.notification.stream.heartbeat} (default 15s), is read by the
 * scheduler.
 *
 * @param timeout how long one subscription stays open; browsers' {@code EventSource}
 * reconnects by itself afterwards
 * @param maxClients how many streams may be open at once, each with its own sender
 * thread; one more is refused (503 with {@code Retry-After})
 * @param buffer how many updates may wait for one client; a client that falls further
 * behind is disconnected (and reconnects)
 */
@ConfigurationProperties("orderflow.notification.stream")
@Validated
public record LiveUpdatesProperties(@DefaultValue("30m") Duration timeout,
		@DefaultValue("100") @Positive int maxClients, @DefaultValue("1000") @Positive int buffer) {

}
