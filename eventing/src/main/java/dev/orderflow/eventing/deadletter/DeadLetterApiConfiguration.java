package dev.orderflow.eventing.deadletter;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import dev.orderflow.eventing.deadletter.web.DeadLetterController;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * The dead-letter API ({@link DeadLetters} behind {@code /api/dead-letters}), for
 * services that are servlet web applications.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@EnableConfigurationProperties(DeadLetterApiProperties.class)
public class DeadLetterApiConfiguration {

	/** How long a replay waits for the broker's acknowledgement. */
	private static final long SEND_TIMEOUT_MILLIS = 10_000;

	@Bean
	ReplayProducer deadLetterReplayProducer(KafkaProperties kafka, DeadLetterApiProperties properties) {
		Map<String, Object> producerConfig = new HashMap<>(kafka.buildProducerProperties());
		// a replay writes a topic another service owns: with ACLs it signs in as a
		// principal of its own
		properties.replayProducer().forEach((key, value) -> {
			if (StringUtils.hasText(value)) {
				producerConfig.put(key, value);
			}
		});
		return new ReplayProducer(producerConfig);
	}

	@Bean
	DeadLetters deadLetters(KafkaProperties kafka, DeadLetterApiProperties properties,
			ObjectProvider<KafkaListenerEndpointRegistry> registry, ReplayProducer deadLetterReplayProducer,
			JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		Map<String, Object> consumerConfig = kafka.buildConsumerProperties();
		return new DeadLetters(new DeadLetterTopics(properties.topics(), registry),
				new DeadLetterReader(consumerConfig, properties.readTimeout()), deadLetterReplayProducer,
				new DeadLetterReplays(jdbc), new ValuePreview(consumerConfig, properties.previewLength()),
				new TransactionTemplate(transactionManager), clock, SEND_TIMEOUT_MILLIS);
	}

	@Bean
	DeadLetterController deadLetterController(DeadLetters deadLetters) {
		return new DeadLetterController(deadLetters);
	}

}
