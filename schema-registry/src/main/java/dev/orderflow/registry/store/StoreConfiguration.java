package dev.orderflow.registry.store;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the store to the Kafka cluster named by {@code spring.kafka.*}, so security and
 * bootstrap settings are configured once for the whole application.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	@Bean
	SchemaStore schemaStore(KafkaProperties kafka, StoreProperties properties) {
		return new SchemaStore(new SchemasTopic(properties, kafka.buildAdminProperties()));
	}

	@Bean
	KafkaStoreHealthIndicator kafkaStoreHealthIndicator(SchemaStore store) {
		return new KafkaStoreHealthIndicator(store);
	}

}
