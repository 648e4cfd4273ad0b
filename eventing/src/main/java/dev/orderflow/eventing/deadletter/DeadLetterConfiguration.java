package dev.orderflow.eventing.deadletter;

import org.apache.kafka.common.TopicPartition;

import dev.orderflow.eventing.observability.ConsumerRetries;
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

/**
 * Wires the consumers' error handler ({@link ConsumerErrorHandler}, ADR 0009): a
 * transient failure (a dependency is away) is retried with back-off until it passes,
 * never dead-lettered; a record's own failure is retried briefly, then a
 * {@link DeadLetterPublishingRecoverer} writes it to {@code <topic>.DLT} (same partition)
 * with the exception and the original topic, partition and offset in headers. Bytes that
 * cannot be deserialized while the registry answers are poison pills: not retried,
 * dead-lettered unchanged; so is a record that breaks a READ rule of its data contract,
 * with Confluent's {@code __rule.*} headers naming the rule ({@link RuleHeaders}).
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
			ObjectProvider<DeadLetterMetrics> deadLetterMetrics, ObjectProvider<ConsumerRetries> consumerRetries) {
		// Spring Kafka 4 defaults to a "-dlt" suffix; orderflow's contract is
		// <topic>.DLT, same partition
		DeadLetterPublishingRecoverer recoverer = new CountingDeadLetterPublishingRecoverer(
				deadLetterProducer.template(),
				(record, exception) -> new TopicPartition(deadLetterTopic(record.topic()), record.partition()),
				deadLetterMetrics.getIfAvailable());
		recoverer.setHeadersFunction(RuleHeaders::of);
		ConsumerErrorHandler handler = new ConsumerErrorHandler(recoverer, retry);
		consumerRetries.ifAvailable(handler::setRetryListeners);
		return handler;
	}

	/** The dead-letter topic of {@code topic}: {@code orders} → {@code orders.DLT}. */
	public static String deadLetterTopic(String topic) {
		return topic + ".DLT";
	}

}
