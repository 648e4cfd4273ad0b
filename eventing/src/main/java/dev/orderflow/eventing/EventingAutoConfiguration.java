package dev.orderflow.eventing;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import io.micrometer.observation.ObservationRegistry;

import dev.orderflow.eventing.deadletter.DeadLetterConfiguration;
import dev.orderflow.eventing.inbox.InboxProperties;
import dev.orderflow.eventing.inbox.InboxPurge;
import dev.orderflow.eventing.inbox.InboxRetentionCheck;
import dev.orderflow.eventing.inbox.ProcessedEvents;
import dev.orderflow.eventing.inbox.TransactionalBatch;
import dev.orderflow.eventing.observability.OutboxTracing;
import dev.orderflow.eventing.outbox.Outbox;
import dev.orderflow.eventing.outbox.OutboxConfiguration;
import dev.orderflow.eventing.outbox.OutboxRelay;
import dev.orderflow.eventing.retention.RetentionProperties;
import dev.orderflow.eventing.retention.SettledRecords;
import dev.orderflow.eventing.retention.SettledRecordsPurge;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives every service that depends on this module an {@link Outbox} with its
 * {@link OutboxRelay}, the {@link ProcessedEvents} inbox with its {@link InboxPurge}, the
 * dead-letter error handler, and the {@link SettledRecordsPurge} of the service's
 * {@link SettledRecords} (started only when a retention for settled orders is set).
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, KafkaAutoConfiguration.class })
@Import({ OutboxConfiguration.class, DeadLetterConfiguration.class })
@EnableConfigurationProperties({ InboxProperties.class, RetentionProperties.class })
public class EventingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock eventingClock() {
		return Clock.systemUTC();
	}

	@Bean
	OutboxTracing outboxTracing(ObjectProvider<ObservationRegistry> observations) {
		return new OutboxTracing(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	/** Missing only on a benchmark stack with the inbox switched off (ADR 0020). */
	@Bean
	@ConditionalOnMissingBean
	ProcessedEvents processedEvents(JdbcClient jdbc, Clock clock) {
		return new ProcessedEvents(jdbc, clock);
	}

	/**
	 * Purges the inbox; first checks, on its own thread, that the retention covers the
	 * topics'.
	 */
	@Bean
	InboxPurge inboxPurge(JdbcClient jdbc, Clock clock, InboxProperties inbox, KafkaProperties kafka,
			ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
		InboxRetentionCheck check = new InboxRetentionCheck(kafka.buildAdminProperties(), inbox.retention(),
				() -> consumedTopics(listeners));
		return new InboxPurge(jdbc, clock, inbox, check);
	}

	/**
	 * Deletes the service's records of settled orders once they are older than
	 * {@code orderflow.retention.settled-orders}; never starts while it is unset (ADR
	 * 0021).
	 */
	@Bean
	SettledRecordsPurge settledRecordsPurge(ObjectProvider<SettledRecords> records, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, Clock clock, RetentionProperties retention,
			InboxProperties inbox) {
		return new SettledRecordsPurge(records.orderedStream().toList(), jdbc,
				new TransactionTemplate(transactionManager), clock, retention, inbox.retention());
	}

	private static Collection<String> consumedTopics(ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
		KafkaListenerEndpointRegistry registry = listeners.getIfAvailable();
		if (registry == null) {
			return List.of();
		}
		return registry.getListenerContainers()
			.stream()
			.map((container) -> container.getContainerProperties().getTopics())
			.filter(Objects::nonNull)
			.flatMap(Arrays::stream)
			.distinct()
			.sorted()
			.toList();
	}

	@Bean
	TransactionalBatch transactionalBatch(PlatformTransactionManager transactions,
			ObjectProvider<ObservationRegistry> observations) {
		return new TransactionalBatch(transactions, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

}
