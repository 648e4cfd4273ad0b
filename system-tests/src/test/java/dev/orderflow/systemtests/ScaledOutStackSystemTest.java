package dev.orderflow.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.StackProcess;
import dev.orderflow.devstack.Topology;
import dev.orderflow.devstack.cli.Launcher;
import dev.orderflow.devstack.kafka.Admins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scaled-out stack of {@code ./orderflow up --postgres --instances 2 --brokers 3}: one
 * PostgreSQL, a three-node KRaft cluster and two instances of each service. The instances of a
 * service share its database, so what one accepts the other serves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ScaledOutStackSystemTest {

	private static final List<String> SAGA_TOPICS = List.of("orders", "inventory", "orders.DLT", "inventory.DLT",
			"_schemas");

	private final Http http = new Http();

	private LocalStack stack;

	@BeforeAll
	void startStack() {
		long begin = System.nanoTime();
		this.stack = PackagedStack.start("scaled-stack", new Topology(2, 3, true));
		System.out.printf("[stack] up --postgres --instances 2 --brokers 3 ready in %.1f s%n",
				(System.nanoTime() - begin) / 1e9);
	}

	@AfterAll
	void stopStack() {
		if (this.stack != null) {
			this.stack.stop();
		}
	}

	@Test
	void threeBrokersFormTheClusterAndEveryTopicKeepsThreeReplicasTwoInSync() throws Exception {
		try (Admin admin = Admins.create(this.stack.bootstrapServers())) {
			assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).extracting(Node::id)
				.containsExactlyInAnyOrder(1, 2, 3);
			Map<String, TopicDescription> topics = admin.describeTopics(SAGA_TOPICS)
				.allTopicNames()
				.get(10, TimeUnit.SECONDS);
			assertThat(topics.values()).allSatisfy((topic) -> assertThat(topic.partitions())
				.allSatisfy((partition) -> assertThat(partition.replicas()).as(topic.name()).hasSize(3)));
			List<ConfigResource> resources = SAGA_TOPICS.stream()
				.map((name) -> new ConfigResource(ConfigResource.Type.TOPIC, name))
				.toList();
			Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(10, TimeUnit.SECONDS);
			assertThat(configs.values()).allSatisfy(
					(config) -> assertThat(config.get("min.insync.replicas").value()).isEqualTo("2"));
		}
	}

	@Test
	void anOrderPlacedThroughTheSecondOrderServiceIsConfirmedAndReadThroughTheFirst() {
		Http.Response placed = this.http.post(8180, "/api/orders",
				"{\"customerId\":\"c-scaled\",\"customerEmail\":\"ada@example.com\","
						+ "\"lines\":[{\"sku\":\"SKU-001\",\"quantity\":1}]}");
		assertThat(placed.status()).isEqualTo(202);
		String orderId = placed.json().get("orderId").asText();

		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(this.http.get(8080, "/api/orders/" + orderId).json().get("status").asText())
				.isEqualTo("CONFIRMED"));
	}

	@Test
	void statusShowsEveryInstanceEveryBrokerAndPostgresReady() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exitCode = Launcher.run(new String[] { "status", "--data-dir", this.stack.dataDir().root().toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

		String status = out.toString(StandardCharsets.UTF_8);
		assertThat(exitCode).as(status).isZero();
		for (StackProcess process : this.stack.processes()) {
			assertThat(status).as(process.name())
				.containsPattern("(?m)^" + process.name() + " +" + this.stack.pid(process.name()) + " +"
						+ this.stack.ports().of(process) + " +yes +yes$");
		}
		assertThat(this.stack.processes()).extracting(StackProcess::name)
			.contains("postgres", "kafka-3", "order-service-2", "inventory-service-2", "notification-service-2");
	}

}
