package dev.orderflow.registry.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the registry keeps its state.
 *
 * @param topic the compacted topic holding every schema, config and mode record
 * @param replicationFactor replication of that topic when the registry creates it (1 locally,
 * 3 in production)
 * @param timeout how long a start-up read or a write to the topic may take
 */
@ConfigurationProperties("orderflow.registry")
public record StoreProperties(@DefaultValue("_schemas") String topic, @DefaultValue("1") short replicationFactor,
		@DefaultValue("30s") Duration timeout) {
}
