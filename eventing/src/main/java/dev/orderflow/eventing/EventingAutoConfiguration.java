package dev.orderflow.eventing;

import java.time.Clock;

import io.micrometer.observation.ObservationRegistry;

import dev.orderflow.eventing.deadletter.DeadLetterConfiguration;
import dev.orderflow.eventing.inbox.ProcessedEvents;
import dev.orderflow.eventing.inbox.TransactionalBatch;
import dev.orderflow.eventing.observability.OutboxTracing;
import dev.orderflow.eventing.outbox.Outbox;
import dev.orderflow.eventing.outbox.OutboxConfiguration;
import dev.orderflow.eventing.outbox.OutboxRelay;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Gives every service that depends on this module an {@link Outbox} with its {@link OutboxRelay},
 * the {@link ProcessedEvents} inbox and the dead-letter error handler.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, KafkaAutoConfiguration.class })
@Import({ OutboxConfiguration.class, DeadLetterConfiguration.class })
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

	@Bean
	ProcessedEvents processedEvents(JdbcClient jdbc, Clock clock) {
		return new ProcessedEvents(jdbc, clock);
	}

	@Bean
	TransactionalBatch transactionalBatch(PlatformTransactionManager transactions,
			ObjectProvider<ObservationRegistry> observations) {
		return new TransactionalBatch(transactions, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

}
