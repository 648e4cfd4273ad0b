package dev.orderflow.eventing.observability;

import java.time.Clock;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import dev.orderflow.eventing.EventingAutoConfiguration;
import dev.orderflow.eventing.deadletter.DeadLetterProperties;
import dev.orderflow.eventing.inbox.InboxPurge;
import dev.orderflow.eventing.outbox.OutboxProperties;
import dev.orderflow.eventing.outbox.SetAsideEvents;
import dev.orderflow.eventing.outbox.SetAsideListener;
import dev.orderflow.eventing.retention.SettledRecordsPurge;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Health and meters of the delivery mechanics: the {@code outbox}, {@code kafka} and
 * {@code schemaRegistry} health indicators (shown under {@code /actuator/health}, not
 * part of readiness: ADR 0009), the consumers' retries ({@code consumerRetries} health
 * detail and meters), the outbox gauges and set-aside counter, the inbox gauge and purge
 * counter, the dead-letter counter and the orderId of each consumed record in the logging
 * context.
 */
@AutoConfiguration(after = EventingAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@EnableConfigurationProperties(EventingHealthProperties.class)
public class EventingObservabilityAutoConfiguration {

	@Bean
	OutboxMetrics outboxMetrics(JdbcClient jdbc, Clock eventingClock, SetAsideEvents setAsideEvents) {
		return new OutboxMetrics(jdbc, eventingClock, setAsideEvents);
	}

	@Bean
	InboxMetrics inboxMetrics(InboxPurge inboxPurge) {
		return new InboxMetrics(inboxPurge);
	}

	@Bean
	RetentionMetrics retentionMetrics(SettledRecordsPurge settledRecordsPurge) {
		return new RetentionMetrics(settledRecordsPurge);
	}

	/** Counts, by topic and event type, the events the relay set aside. */
	@Bean
	@ConditionalOnBean(MeterRegistry.class)
	SetAsideListener setAsideCounter(MeterRegistry registry) {
		return (event) -> registry
			.counter("orderflow.outbox.set.aside.events", "topic", event.topic(), "type", event.simpleEventType())
			.increment();
	}

	@Bean
	@ConditionalOnBean(MeterRegistry.class)
	DeadLetterMetrics deadLetterMetrics(MeterRegistry registry) {
		return new DeadLetterMetrics(registry);
	}

	/**
	 * Listens to the error handler's retries; the wait is over three longest back-offs
	 * after the last failure.
	 */
	@Bean
	ConsumerRetries consumerRetries(Clock eventingClock, DeadLetterProperties retry) {
		return new ConsumerRetries(eventingClock, retry.transientMaxInterval().multipliedBy(3));
	}

	/** Record keys are orderIds on every orderflow topic: log them as {@code orderId}. */
	@Bean
	@ConditionalOnMissingBean(RecordInterceptor.class)
	RecordKeyMdcInterceptor recordKeyMdcInterceptor() {
		return new RecordKeyMdcInterceptor("orderId");
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	static class HealthConfiguration {

		@Bean
		@ConditionalOnEnabledHealthIndicator("outbox")
		OutboxHealthIndicator outboxHealthIndicator(OutboxMetrics outboxMetrics, OutboxProperties outbox) {
			return new OutboxHealthIndicator(outboxMetrics, outbox.healthMaxAge());
		}

		@Bean
		@ConditionalOnEnabledHealthIndicator("kafka")
		KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka, EventingHealthProperties health) {
			return new KafkaHealthIndicator(kafka.buildAdminProperties(), health.kafkaTimeout());
		}

		@Bean
		@ConditionalOnEnabledHealthIndicator("consumerRetries")
		ConsumerRetriesHealthIndicator consumerRetriesHealthIndicator(ConsumerRetries retries, Clock eventingClock,
				EventingHealthProperties health) {
			return new ConsumerRetriesHealthIndicator(retries, eventingClock, health.databaseWaitLimit());
		}

		@Bean
		@ConditionalOnEnabledHealthIndicator("schemaRegistry")
		SchemaRegistryHealthIndicator schemaRegistryHealthIndicator(KafkaProperties kafka,
				EventingHealthProperties health) {
			Map<String, String> properties = kafka.getProperties();
			String urls = properties.getOrDefault("schema.registry.url", "mock://unset");
			String firstUrl = urls.split(",")[0].trim();
			return new SchemaRegistryHealthIndicator(firstUrl, properties.get("basic.auth.user.info"),
					health.schemaRegistryTimeout());
		}

	}

}
