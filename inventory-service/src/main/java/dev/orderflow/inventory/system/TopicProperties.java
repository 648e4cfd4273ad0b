package dev.orderflow.inventory.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the topics this service owns are created ({@code orderflow.topics.*}).
 *
 * @param partitions partitions per topic; all events of one order stay on one partition
 * @param replicas replication factor; 1 locally, 3 on a real cluster
 */
@ConfigurationProperties("orderflow.topics")
public record TopicProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicas) {
}
