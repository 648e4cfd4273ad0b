package dev.orderflow.order;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * order-service on an in-memory database, the in-JVM schema registry and one embedded
 * KRaft broker. Every test class carrying it gets the same configuration, so Spring's
 * test context cache gives them one application context and one broker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"spring.kafka.properties.schema.registry.url=" + OrderServiceIntegrationTest.REGISTRY,
		"spring.datasource.url=jdbc:h2:mem:order-service-test;DB_CLOSE_DELAY=-1", "orderflow.outbox.poll-interval=50ms",
		"orderflow.http.database.max-wait=500ms", "logging.level.kafka=WARN", "logging.level.org.apache.kafka=WARN",
		"logging.level.state.change.logger=WARN" })
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3, topics = { "orders", "inventory" })
public @interface OrderServiceIntegrationTest {

	/** The in-JVM registry the tests' own serializers must share with the application. */
	String REGISTRY = "mock://order-service-test";

}
