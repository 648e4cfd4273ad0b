package dev.orderflow.eventing.bench;

import java.time.Clock;

import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.eventing.EventingAutoConfiguration;
import dev.orderflow.eventing.inbox.ProcessedEvents;
import dev.orderflow.eventing.observability.OutboxTracing;
import dev.orderflow.eventing.outbox.Outbox;
import dev.orderflow.eventing.outbox.WriterSchemas;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The bench's switches (ADR 0020), in every service: binds {@link BenchSwitches} at
 * start-up (which refuses a switch that is not allowed), warns when one is on, and puts
 * {@link DirectSendOutbox} and {@link InboxOff} in place of the outbox and the inbox
 * (which {@link EventingAutoConfiguration} then does not create).
 */
@AutoConfiguration(before = EventingAutoConfiguration.class,
		after = { DataSourceAutoConfiguration.class, KafkaAutoConfiguration.class })
@EnableConfigurationProperties(BenchSwitches.class)
public class BenchSwitchesAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(BenchSwitchesAutoConfiguration.class);

	/**
	 * The fence, checked before any bean is created: a refused switch stops the service
	 * before it touches its database or its topics.
	 */
	@Bean
	static BeanFactoryPostProcessor benchSwitchesFence(Environment environment) {
		return (beanFactory) -> Binder.get(environment).bind(BenchSwitches.PREFIX, BenchSwitches.class);
	}

	@Bean
	SmartInitializingSingleton benchSwitchesWarning(BenchSwitches switches) {
		return () -> {
			if (!switches.on().isEmpty()) {
				log.warn("BENCHMARK STACK: {} on; this service drops guarantees the shipped one keeps (ADR 0020)",
						String.join(", ", switches.on()));
			}
		};
	}

	@Bean
	@ConditionalOnBooleanProperty(BenchSwitches.PREFIX + ".outbox-direct-send")
	Outbox directSendOutbox(BenchSwitches switches, KafkaProperties kafka, JdbcClient jdbc, Clock clock,
			WriterSchemas writerSchemas, OutboxTracing tracing, ObjectProvider<ObservationRegistry> observations,
			ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
		DefaultKafkaProducerFactory<String, Object> factory = new DefaultKafkaProducerFactory<>(
				kafka.buildProducerProperties());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(factory));
		KafkaTemplate<String, Object> template = new KafkaTemplate<>(factory);
		// the producer observation writes the trace headers, as the relay's does
		template.setObservationEnabled(kafka.getTemplate().isObservationEnabled());
		template.setObservationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
		return new DirectSendOutbox(template, jdbc, clock, writerSchemas, tracing);
	}

	@Bean
	@ConditionalOnBooleanProperty(BenchSwitches.PREFIX + ".inbox-off")
	ProcessedEvents inboxOff(BenchSwitches switches, JdbcClient jdbc, Clock clock) {
		return new InboxOff(jdbc, clock);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@Conditional(AnySwitchOn.class)
	static class BenchSwitchesHealthConfiguration {

		@Bean
		BenchSwitchesHealthIndicator benchSwitchesHealthIndicator(BenchSwitches switches) {
			return new BenchSwitchesHealthIndicator(switches);
		}

	}

	static class AnySwitchOn extends AnyNestedCondition {

		AnySwitchOn() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBooleanProperty(BenchSwitches.PREFIX + ".outbox-direct-send")
		static class OutboxDirectSend {

		}

		@ConditionalOnBooleanProperty(BenchSwitches.PREFIX + ".inbox-off")
		static class InboxOff {

		}

		@ConditionalOnBooleanProperty(BenchSwitches.PREFIX + ".email-off")
		static class EmailOff {

		}

	}

}
