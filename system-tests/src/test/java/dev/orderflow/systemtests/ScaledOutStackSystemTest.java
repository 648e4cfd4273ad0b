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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import dev.orderflow.devstack.Component;
import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.StackProcess;
import dev.orderflow.devstack.Topology;
import dev.orderflow.devstack.cli.Launcher;
import dev.orderflow.devstack.kafka.Admins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scaled-out stack of {@code ./orderflow up --postgres --instances 2 --brokers 3}:
 * one PostgreSQL, a three-node KRaft cluster and two instances of each service. The
 * instances of a service share its database, so what one accepts the other serves. Last,
 * on the same stack, the scale fault test: the saga's guarantees through a SIGKILL of one
 * instance of each service and of the broker that leads a partition of {@code orders},
 * with poison pills and an order that can never be published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ScaledOutStackSystemTest {

	private static final int TOTAL_ORDERS = 3000;

	/**
	 * order-service's producers refuse records over 8 KiB in this stack, so one order of
	 * 100 long lines (within the API's limits) makes an OrderPlaced that can never be
	 * published, the way a lowered limit or a broker's stricter one would in production.
	 */
	private static final String SMALL_RECORDS = "{\"spring.kafka.producer.properties.max.request.size\":8192,"
			+ "\"spring.kafka.producer.properties.batch.size\":8192}";

	private static final List<String> SAGA_TOPICS = List.of("orders", "inventory", "orders.DLT", "inventory.DLT",
			"_schemas");

	private final Http http = new Http();

	private LocalStack stack;

	@BeforeAll
	void startStack() {
		long begin = System.nanoTime();
		this.stack = SnapshotStack.start("scaled-stack", (builder) -> builder.topology(new Topology(2, 3, true))
			.environment(Component.ORDER_SERVICE, Map.of("SPRING_APPLICATION_JSON", SMALL_RECORDS)));
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
	@Order(1)
	void threeBrokersFormTheClusterAndEveryTopicKeepsThreeReplicasTwoInSync() throws Exception {
		try (Admin admin = Admins.create(this.stack.bootstrapServers(), this.stack.kafkaAdminClient())) {
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
			assertThat(configs.values())
				.allSatisfy((config) -> assertThat(config.get("min.insync.replicas").value()).isEqualTo("2"));
		}
	}

	@Test
	@Order(2)
	void anOrderPlacedThroughTheSecondOrderServiceIsConfirmedAndReadThroughTheFirst() {
		Http.Response placed = this.http.post(8180, "/api/orders",
				"{\"customerId\":\"c-1\",\"customerEmail\":\"ada@example.com\","
						+ "\"lines\":[{\"sku\":\"SKU-001\",\"quantity\":1}]}");
		assertThat(placed.status()).isEqualTo(202);
		String orderId = placed.json().get("orderId").asText();

		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(this.http.get(8080, "/api/orders/" + orderId).json().get("status").asText())
				.isEqualTo("CONFIRMED"));
	}

	@Test
	@Order(3)
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
			.contains("postgres", "kafka-3", "schema-registry-2", "order-service-2", "inventory-service-2",
					"notification-service-2");
	}

	@Test
	@Order(4)
	void everyGuaranteeHoldsThroughKillsOfAnInstanceOfEachServiceAndAPartitionLeader() throws Exception {
		SagaFaultRun run = new SagaFaultRun("scaled", this.stack, List.of(8080, 8180), 8082)
			.pills("orders", 3, SagaTopics::notAvro)
			.pills("inventory", 2, (key) -> SagaTopics.unknownSchemaId());
		FaultPlan faults = new FaultPlan()
			.at(TOTAL_ORDERS / 10, "3 not-Avro pills -> orders", () -> run.inject("orders"))
			.at(TOTAL_ORDERS * 15 / 100, "2 unknown-schema pills -> inventory", () -> run.inject("inventory"))
			.at(TOTAL_ORDERS / 5, "an order too large to publish", run::placeUndeliverableOrder)
			.at(TOTAL_ORDERS / 4, "SIGKILL + restart order-service-2", () -> run.killAndRestart("order-service-2"))
			.at(TOTAL_ORDERS * 2 / 5, "SIGKILL + restart inventory-service",
					() -> run.killAndRestart("inventory-service"))
			.at(TOTAL_ORDERS * 11 / 20, "SIGKILL + restart notification-service-2",
					() -> run.killAndRestart("notification-service-2"))
			.at(TOTAL_ORDERS * 7 / 10, "SIGKILL + restart the leader of orders-0", this::killLeaderOfOrders);

		run.execute(TOTAL_ORDERS, faults, 8, 25).printAndAssert();
	}

	/**
	 * SIGKILLs the broker that leads partition 0 of {@code orders}, then starts it again.
	 */
	private String killLeaderOfOrders() throws Exception {
		int leader;
		try (Admin admin = Admins.create(this.stack.bootstrapServers(), this.stack.kafkaAdminClient())) {
			leader = admin.describeTopics(List.of("orders"))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.get("orders")
				.partitions()
				.get(0)
				.leader()
				.id();
		}
		String broker = new StackProcess(Component.KAFKA, leader).name();
		long pid = this.stack.pid(broker);
		this.stack.kill(broker);
		this.stack.restart(broker);
		return broker + " (node " + leader + ") SIGKILL pid " + pid + ", back as pid " + this.stack.pid(broker);
	}

}
