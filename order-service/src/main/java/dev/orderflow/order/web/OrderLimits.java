package dev.orderflow.order.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of one order ({@code orderflow.orders.*}). Each order becomes one
 * {@code OrderPlaced} event, so its size must stay far below what the Kafka producer
 * sends in one record (1 MiB by default); the ceiling on the setting keeps a
 * misconfiguration from blocking the outbox.
 *
 * @param maxLines {@code orderflow.orders.max-lines}: most lines one order may have, 1 to
 * {@value #MAX_LINES_CEILING} (default {@value #DEFAULT_MAX_LINES})
 */
@ConfigurationProperties("orderflow.orders")
@Validated
public record OrderLimits(@DefaultValue("" + DEFAULT_MAX_LINES) @Min(1) @Max(MAX_LINES_CEILING) int maxLines) {

	/** Lines per order unless configured otherwise. */
	public static final int DEFAULT_MAX_LINES = 100;

	/** Largest value {@code orderflow.orders.max-lines} may take. */
	public static final int MAX_LINES_CEILING = 1000;

}
