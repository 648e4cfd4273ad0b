package dev.orderflow.inventory.observability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stock gauges ({@code orderflow.metrics.*}).
 *
 * @param maxSkus how many SKUs get a series of their own (first by SKU order); the rest
 * are summed up as {@code sku="other"}, so a catalogue of thousands cannot flood
 * Prometheus
 * @param stockRefresh how often the gauges are read from the stock table
 */
@ConfigurationProperties("orderflow.metrics")
public record StockMetricsProperties(@DefaultValue("50") int maxSkus, @DefaultValue("5s") Duration stockRefresh) {
}
