package dev.orderflow.eventing.deadletter;

import org.apache.kafka.common.TopicPartition;

import dev.orderflow.eventing.observability.CountingDeadLetterPublishingRecoverer;
import dev.orderflow.eventing.observability.DeadLetterMetrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Wires Spring Kafka's {@link DefaultErrorHandler}: retries with exponential backoff, then a
 * {@link DeadLetterPublishingRecoverer} that writes the record to {@code <topic>.DLT} (same
 * partition) with the exception and the original topic, partition and offset in headers.
 * Deserialization failures (poison pills) are not retried: the error-handling deserializer hands
 * over the raw bytes, which are dead-lettered unchanged.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadLetterProperties.class)
@Import(DeadLetterApiConfiguration.class)
public class DeadLetterConfiguration {

	@Bean
	DeadLetterProducer deadLetterProducer(KafkaProperties kafkaProperties) {
		return new DeadLetterProducer(kafkaProperties.buildProducerProperties());
	}

	@Bean
	CommonErrorHandler kafkaErrorHandler(DeadLetterProducer deadLetterProducer, DeadLetterProperties retry,
			ObjectProvider<DeadLetterMetrics> deadLetterMetrics) {
		// Spring Kafka 4 defaults to a "-dlt" suffix; orderflow's contract is <topic>.DLT, same partition
		DeadLetterPublishingRecoverer recoverer = new CountingDeadLetterPublishingRecoverer(
				deadLetterProducer.template(),
				(record, exception) -> new TopicPartition(deadLetterTopic(record.topic()), record.partition()),
				deadLetterMetrics.getIfAvailable());
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		backOff.setMaxAttempts(Math.max(0, retry.maxAttempts() - 1));
		return new DefaultErrorHandler(recoverer, backOff);
	}

	/** The dead-letter topic of {@code topic}: {@code orders} → {@code orders.DLT}. */
	public static String deadLetterTopic(String topic) {
		return topic + ".DLT";
	}

}
