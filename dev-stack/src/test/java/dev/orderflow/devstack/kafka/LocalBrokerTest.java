package dev.orderflow.devstack.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.orderflow.devstack.Component;
import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.StackPorts;
import dev.orderflow.devstack.ports.PortCheck;
import dev.orderflow.devstack.process.DirectoryTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the real broker as a separate process on free ports, and checks that its data
 * survives a graceful restart and a SIGKILL.
 */
class LocalBrokerTest {

	private static Path dataDir;

	private static StackPorts ports;

	private static final List<LocalStack> stacks = new ArrayList<>();

	private static Map<String, Object> adminClient;

	@BeforeAll
	static void freePortsAndDataDir() throws IOException {
		dataDir = Files.createTempDirectory("orderflow-broker-test");
		ports = new StackPorts(PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort(),
				PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort());
	}

	@AfterAll
	static void stopEverything() throws IOException {
		stacks.forEach(LocalStack::stop);
		DirectoryTree.delete(dataDir);
	}

	@Test
	void brokerCreatesTopicsAndKeepsRecordsAcrossRestartsAndCrashes() throws Exception {
		LocalStack first = startBroker();
		assertSagaTopicsExist();
		String clusterId = Files.readString(dataDir.resolve("kafka/meta.properties"));
		String key = "order-" + UUID.randomUUID();
		produce(key, "OrderPlaced");
		assertThat(consumeValueOf(key)).isEqualTo("OrderPlaced");

		first.stop();
		assertThat(first.isAlive("kafka")).isFalse();
		LocalStack second = startBroker();
		assertThat(consumeValueOf(key)).as("record after a graceful restart").isEqualTo("OrderPlaced");
		assertThat(Files.readString(dataDir.resolve("kafka/meta.properties"))).as("storage not formatted again")
			.isEqualTo(clusterId);

		long crashedPid = second.pid("kafka");
		second.kill("kafka");
		assertThat(ProcessHandle.of(crashedPid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
		second.restart("kafka");
		assertThat(second.pid("kafka")).isNotEqualTo(crashedPid);
		assertThat(consumeValueOf(key)).as("record after SIGKILL and restart").isEqualTo("OrderPlaced");
		assertThat(dataDir.resolve("logs/kafka.log")).content().contains("Kafka Server started");
	}

	private static LocalStack startBroker() {
		LocalStack stack = LocalStack.builder()
			.dataDir(dataDir)
			.ports(ports)
			.components(Component.KAFKA)
			.readyTimeout(Duration.ofSeconds(90))
			.build();
		stacks.add(stack);
		stack.start();
		adminClient = stack.kafkaAdminClient();
		assertThat(stack.isAlive("kafka")).isTrue();
		return stack;
	}

	private static void assertSagaTopicsExist() throws Exception {
		try (Admin admin = Admins.create(ports.bootstrapServers(), adminClient)) {
			// the broker's metadata catches up with created topics shortly after creation
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains("orders",
						"inventory", "orders.DLT", "inventory.DLT", "_schemas"));
			assertThat(admin.describeTopics(List.of("orders"))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.get("orders")
				.partitions()).hasSize(3);
			ConfigResource schemas = new ConfigResource(ConfigResource.Type.TOPIC, "_schemas");
			Config config = admin.describeConfigs(List.of(schemas)).all().get(10, TimeUnit.SECONDS).get(schemas);
			assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
		}
	}

	private static void produce(String key, String value) throws Exception {
		Map<String, Object> config = new HashMap<>(adminClient);
		config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ports.bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, 15000));
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>("orders", key, value)).get(15, TimeUnit.SECONDS);
		}
	}

	private static String consumeValueOf(String key) {
		Map<String, Object> config = new HashMap<>(adminClient);
		config.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ports.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest"));
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of("orders"));
			List<String> found = new ArrayList<>();
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (key.equals(record.key())) {
						found.add(record.value());
					}
				}
				return !found.isEmpty();
			});
			return found.get(0);
		}
	}

}
