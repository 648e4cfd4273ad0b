package dev.orderflow.notification.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the live stream ({@code orderflow.notification.stream.*}). The heartbeat period,
 * {@code orderflow.notification.stream.heartbeat} (default 15s), is read by the scheduler.
 *
 * @param timeout how long one subscription stays open; browsers' {@code EventSource}
 * reconnects by itself afterwards
 */
@ConfigurationProperties("orderflow.notification.stream")
public record LiveUpdatesProperties(@DefaultValue("30m") Duration timeout) {

}
