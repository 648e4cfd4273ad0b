package dev.orderflow.order;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * order-service owns the {@code orders} topic and its dead-letter topic, so it declares
 * them; Spring Kafka's admin creates them at startup when they are missing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderTopics.TopicProperties.class)
class OrderTopics {

	@Bean
	NewTopic ordersTopic(TopicProperties topics) {
		return topics.declare(OrderEvents.TOPIC);
	}

	@Bean
	NewTopic ordersDeadLetterTopic(TopicProperties topics) {
		return topics.declare(OrderEvents.TOPIC + ".DLT");
	}

	/**
	 * Shape of the topics a service owns.
	 *
	 * @param partitions partitions per topic; orders spread over them by order id
	 * @param replicas replication factor; 1 on a single local broker
	 */
	@ConfigurationProperties("orderflow.topics")
	record TopicProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicas) {

		NewTopic declare(String name) {
			return TopicBuilder.name(name).partitions(this.partitions).replicas(this.replicas).build();
		}

	}

}
