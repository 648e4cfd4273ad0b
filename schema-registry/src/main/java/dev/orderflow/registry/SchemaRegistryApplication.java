package dev.orderflow.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A schema registry that speaks Confluent's REST API v1 and keeps its state in a
 * compacted Kafka topic, so Confluent's clients and serializers work against it
 * unchanged.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SchemaRegistryApplication {

	public static void main(String[] args) {
		SpringApplication.run(SchemaRegistryApplication.class, args);
	}

}
