package dev.orderflow.devstack.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The real broker with the stack's SCRAM users and ACLs, on free ports: a service's
 * credentials write only what it owns, and a client without credentials gets nothing at
 * all.
 */
class KafkaAclsTest {

	private static Path dataDir;

	private static LocalStack stack;

	private static KafkaUsers users;

	@BeforeAll
	static void startBroker() throws IOException {
		dataDir = Files.createTempDirectory("orderflow-acl-test");
		StackPorts ports = new StackPorts(PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort(),
				PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort());
		stack = LocalStack.builder()
			.dataDir(dataDir)
			.ports(ports)
			.components(Component.KAFKA)
			.readyTimeout(Duration.ofSeconds(90))
			.build();
		stack.start();
		users = KafkaUsers.in(stack.dataDir().config());
	}

	@AfterAll
	static void stopBroker() throws IOException {
		if (stack != null) {
			stack.stop();
		}
		DirectoryTree.delete(dataDir);
	}

	@Test
	void inventoryServiceCannotWriteOrders() {
		assertThatThrownBy(() -> send("inventory-service", "orders")).isInstanceOf(ExecutionException.class)
			.hasCauseInstanceOf(TopicAuthorizationException.class);
	}

	@Test
	void inventoryServiceWritesInventoryAndTheDeadLettersOfItsConsumer() throws Exception {
		assertThat(send("inventory-service", "inventory").topic()).isEqualTo("inventory");
		assertThat(send("inventory-service", "orders.DLT").topic()).isEqualTo("orders.DLT");
	}

	@Test
	void orderServiceWritesOrdersButNotInventory() throws Exception {
		assertThat(send("order-service", "orders").topic()).isEqualTo("orders");
		assertThatThrownBy(() -> send("order-service", "inventory"))
			.hasCauseInstanceOf(TopicAuthorizationException.class);
	}

	@Test
	void notificationServiceWritesNoSagaTopic() {
		assertThatThrownBy(() -> send("notification-service", "orders"))
			.hasCauseInstanceOf(TopicAuthorizationException.class);
		assertThatThrownBy(() -> send("notification-service", "inventory"))
			.hasCauseInstanceOf(TopicAuthorizationException.class);
	}

	@Test
	void theReplayPrincipalOfInventoryServiceWritesOrdersOnlyForItsReplays() throws Exception {
		assertThat(send("inventory-service-replay", "orders").topic()).isEqualTo("orders");
		assertThatThrownBy(() -> send("inventory-service-replay", "inventory"))
			.hasCauseInstanceOf(TopicAuthorizationException.class);
	}

	@Test
	void aClientWithoutCredentialsIsRefused() {
		try (Admin anonymous = Admins.create(stack.bootstrapServers())) {
			assertThatThrownBy(() -> anonymous.listTopics().names().get(10, TimeUnit.SECONDS))
				.isInstanceOf(ExecutionException.class);
		}
	}

	@Test
	void aUserTheBrokersDoNotKnowIsCreatedWithItsPassword() throws Exception {
		try (Admin admin = Admins.create(stack.bootstrapServers(), stack.kafkaAdminClient())) {
			// as for a principal added to KafkaAcls after this data directory was
			// formatted
			admin
				.alterUserScramCredentials(List
					.of(new UserScramCredentialDeletion("notification-service-replay", ScramMechanism.SCRAM_SHA_512)))
				.all()
				.get(15, TimeUnit.SECONDS);
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThatThrownBy(() -> send("notification-service-replay", "orders"))
					.hasCauseInstanceOf(SaslAuthenticationException.class));

			assertThat(users.createMissing(admin)).containsExactly("notification-service-replay");
		}
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(send("notification-service-replay", "orders").topic()).isEqualTo("orders"));
	}

	@Test
	void passwordsAreReadableByTheirOwnerOnly() throws IOException {
		for (String file : new String[] { KafkaUsers.USERS_FILE, KafkaUsers.ADMIN_CLIENT_FILE, "server.properties" }) {
			assertThat(PosixFilePermissions
				.toString(Files.getPosixFilePermissions(stack.dataDir().config().resolve(file)))).as(file)
				.isEqualTo("rw-------");
		}
		assertThat(stack.dataDir().logs().resolve("kafka.log")).content()
			.doesNotContain(users.password(KafkaUsers.ADMIN))
			.doesNotContain(users.password("inventory-service"));
	}

	private static RecordMetadata send(String user, String topic) throws Exception {
		Map<String, Object> config = new HashMap<>(users.clientProperties(user));
		config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, 15000));
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			return producer.send(new ProducerRecord<>(topic, "key", "value")).get(15, TimeUnit.SECONDS);
		}
	}

}
