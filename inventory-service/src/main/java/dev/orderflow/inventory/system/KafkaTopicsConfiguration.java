package dev.orderflow.inventory.system;

import dev.orderflow.inventory.reservation.InventoryEvents;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares the topic inventory-service owns and its dead-letter topic; Spring's
 * KafkaAdmin creates them at startup when they are missing.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

	@Bean
	NewTopic inventoryTopic(TopicProperties topics) {
		return topic(InventoryEvents.TOPIC, topics);
	}

	@Bean
	NewTopic inventoryDeadLetterTopic(TopicProperties topics) {
		return topic(InventoryEvents.TOPIC + ".DLT", topics);
	}

	private static NewTopic topic(String name, TopicProperties topics) {
		return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicas()).build();
	}

}
