package dev.orderflow.registry.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the registry keeps its state.
 *
 * @param topic the compacted topic holding every schema, config and mode record
 * @param replicationFactor replication of that topic when the registry creates it (1
 * locally, 3 in production)
 * @param timeout how long a start-up read or a write to the topic may take
 * @param groupId the Kafka consumer group through which the instances sharing the topic
 * elect their leader
 * @param sessionTimeout how long a leader may go silent before Kafka gives its place to
 * another instance: failover takes this plus a rebalance
 * @param advertisedUrl the URL the other instances forward writes to while this one
 * leads; {@code http://<server.address or host address>:<port>} when unset
 * @param forwardTimeout how long a write may wait for a leader (through a failover)
 * before it is answered with an error
 */
@ConfigurationProperties("orderflow.registry")
public record StoreProperties(@DefaultValue("_schemas") String topic, @DefaultValue("1") short replicationFactor,
		@DefaultValue("30s") Duration timeout, @DefaultValue("orderflow-schema-registry") String groupId,
		@DefaultValue("6s") Duration sessionTimeout, String advertisedUrl,
		@DefaultValue("20s") Duration forwardTimeout) {
}
