package dev.orderflow.eventing.outbox;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.micrometer.observation.ObservationRegistry;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orderflow.eventing.observability.OutboxTracing;
import dev.orderflow.events.OrderLine;
import dev.orderflow.events.OrderPlaced;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service that shuts down while the broker is away: its relay is blocked in a send, and
 * {@link OutboxRelay#stop()} has to interrupt it. The interrupt must end the wait for the
 * broker and nothing else: on H2 an interrupt that reaches a database call closes the
 * file channel, and H2 then closes the whole database, with the commits of every other
 * thread that was still writing. The event stays in the outbox for the next start.
 */
class RelayStopWithoutBrokerTest {

	private static final String ORDER_ID = "0f8e6c1a-3b5d-4e7f-9a2b-4c6d8e0f1a2b";

	@TempDir
	Path dir;

	@Test
	void stoppingARelayBlockedOnAnAbsentBrokerLeavesTheDatabaseUsableAndTheEventPending() throws Exception {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:file:" + this.dir.resolve("service") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
		h2.setUser("sa");
		Flyway.configure().dataSource(h2).locations("classpath:db/eventing").load().migrate();
		JdbcClient jdbc = JdbcClient.create(h2);
		DataSourceTransactionManager transactions = new DataSourceTransactionManager(h2);
		WriterSchemas writerSchemas = new WriterSchemas(jdbc, transactions);
		Outbox outbox = new Outbox(jdbc, Clock.systemUTC(), writerSchemas, () -> {
		}, OutboxTracing.NONE);
		new TransactionTemplate(transactions)
			.executeWithoutResult((status) -> outbox.append("orders", ORDER_ID, orderPlaced(ORDER_ID)));

		OutboxRelay relay = relayOn(jdbc, h2, transactions, writerSchemas, brokerThatIsNotThere());
		relay.start();
		await().atMost(Duration.ofSeconds(30)).until(RelayStopWithoutBrokerTest::relayWaitsForTheBroker);
		relay.stop();

		assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event").query(Long.class).single())
			.as("the database still answers, and the event waits for the next start")
			.isEqualTo(1);
	}

	private static OutboxRelay relayOn(JdbcClient jdbc, JdbcDataSource h2, DataSourceTransactionManager transactions,
			WriterSchemas writerSchemas, String bootstrapServers) {
		KafkaProperties kafka = new KafkaProperties();
		kafka.setBootstrapServers(List.of(bootstrapServers));
		kafka.getProperties().put("schema.registry.url", "mock://relay-stop");
		OutboxProperties properties = new OutboxProperties(true, Duration.ofMillis(50), 200, Duration.ofSeconds(30),
				Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(60));
		DefaultListableBeanFactory none = new DefaultListableBeanFactory();
		return new OutboxConfiguration().outboxRelay(jdbc, kafka, writerSchemas, new SetAsideEvents(jdbc),
				none.getBeanProvider(SetAsideListener.class), transactions, properties, OutboxTracing.NONE,
				Clock.systemUTC(), h2, none.getBeanProvider(ObservationRegistry.class),
				none.getBeanProvider(DefaultKafkaProducerFactoryCustomizer.class));
	}

	/** The relay's thread is inside the producer, waiting for the broker's metadata. */
	private static boolean relayWaitsForTheBroker() {
		return Thread.getAllStackTraces()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().getName().equals("outbox-relay"))
			.anyMatch((entry) -> Arrays.stream(entry.getValue())
				.anyMatch((frame) -> frame.getClassName().equals("org.apache.kafka.clients.producer.KafkaProducer")));
	}

	/** A port nobody listens on. */
	private static String brokerThatIsNotThere() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "127.0.0.1:" + socket.getLocalPort();
		}
	}

	private static OrderPlaced orderPlaced(String orderId) {
		return OrderPlaced.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(orderId)
			.setOccurredAt(Instant.parse("2026-12-02T08:00:00Z"))
			.setCustomerId("c-1")
			.setCustomerEmail("ada@example.com")
			.setLines(List.of(new OrderLine("SKU-001", 2)))
			.build();
	}

}
