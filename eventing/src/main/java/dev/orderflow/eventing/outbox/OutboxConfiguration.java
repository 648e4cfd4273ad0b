package dev.orderflow.eventing.outbox;

import java.time.Clock;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.orderflow.eventing.observability.OutboxTracing;
import dev.orderflow.eventing.outbox.web.SetAsideController;
import dev.orderflow.schemaregistry.serde.AvroSerdeConfig;
import dev.orderflow.schemaregistry.serde.KafkaAvroSerializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The outbox's beans: {@link Outbox} to store events, {@link OutboxRelay} to publish them
 * through a producer of its own that sends the stored bytes as they are (so it works
 * whichever value serializer the application configures, Confluent's included),
 * {@link SetAsideEvents}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

	@Bean
	WriterSchemas outboxWriterSchemas(JdbcClient jdbc, PlatformTransactionManager transactions) {
		return new WriterSchemas(jdbc, transactions);
	}

	@Bean
	SetAsideEvents setAsideEvents(JdbcClient jdbc) {
		return new SetAsideEvents(jdbc);
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
	SetAsideController setAsideController(SetAsideEvents setAsideEvents) {
		return new SetAsideController(setAsideEvents);
	}

	/** Missing only on a benchmark stack that sends events directly (ADR 0020). */
	@Bean
	@ConditionalOnMissingBean
	Outbox outbox(JdbcClient jdbc, Clock clock, WriterSchemas writerSchemas, ObjectProvider<OutboxRelay> relay,
			OutboxTracing outboxTracing) {
		return new Outbox(jdbc, clock, writerSchemas, () -> relay.ifAvailable(OutboxRelay::wakeUp), outboxTracing);
	}

	@Bean
	OutboxRelay outboxRelay(JdbcClient jdbc, KafkaProperties kafka, WriterSchemas writerSchemas,
			SetAsideEvents setAsideEvents, ObjectProvider<SetAsideListener> setAsideListeners,
			PlatformTransactionManager transactions, OutboxProperties properties, OutboxTracing outboxTracing,
			Clock clock, DataSource dataSource, ObjectProvider<ObservationRegistry> observations,
			ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
		Map<String, Object> producer = kafka.buildProducerProperties();
		AvroSerdeConfig serde = AvroSerdeConfig.from(producer, true);
		Object rules = producer.get(KafkaAvroSerializer.RULES_ENABLED);
		OutboxRecords records = new OutboxRecords(serde.createClient(), serde, writerSchemas,
				rules == null || Boolean.parseBoolean(rules.toString().trim()));
		return new OutboxRelay(jdbc, template(producer, kafka, observations, customizers), records, setAsideEvents,
				setAsideListeners.orderedStream().toList(), transactions, properties, outboxTracing,
				DurableReads.of(dataSource, jdbc), clock);
	}

	private static KafkaTemplate<String, byte[]> template(Map<String, Object> producer, KafkaProperties kafka,
			ObjectProvider<ObservationRegistry> observations,
			ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
		DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(producer,
				new StringSerializer(), new ByteArraySerializer());
		// what Boot does to the application's producer factory, e.g. Micrometer's
		// producer metrics
		customizers.orderedStream().forEach((customizer) -> customizer.customize(factory));
		KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(factory);
		// the producer observation writes the trace headers (W3C traceparent) consumers
		// continue
		template.setObservationEnabled(kafka.getTemplate().isObservationEnabled());
		template.setObservationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
		return template;
	}

}
