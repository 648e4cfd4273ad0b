package dev.orderflow.devstack.kafka;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerConfigTest {

	private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"p\";";

	private final Path dir = Path.of("/data");

	@Test
	void aSingleBrokerIsItsOwnQuorumWithOneReplicaOfEverything() {
		var props = new BrokerConfig(this.dir, this.dir.resolve("kafka"), 9092, 9093, JAAS).properties();

		assertThat(props).containsEntry("node.id", "1")
			.containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
			.containsEntry("offsets.topic.replication.factor", "1")
			.containsEntry("transaction.state.log.min.isr", "1")
			.doesNotContainKeys("default.replication.factor", "min.insync.replicas");
	}

	@Test
	void aNodeOfThreeVotesWithTheOthersAndKeepsThreeReplicasTwoInSync() {
		var props = new BrokerConfig(this.dir, this.dir.resolve("kafka-2"), 2, 9192, List.of(9093, 9193, 9293), JAAS)
			.properties();

		assertThat(props).containsEntry("node.id", "2")
			.containsEntry("controller.quorum.voters", "1@127.0.0.1:9093,2@127.0.0.1:9193,3@127.0.0.1:9293")
			.containsEntry("listeners", "SASL_PLAINTEXT://127.0.0.1:9192,CONTROLLER://127.0.0.1:9193")
			.containsEntry("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:9192")
			.containsEntry("inter.broker.listener.name", "SASL_PLAINTEXT")
			.containsEntry("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", JAAS)
			.containsEntry("allow.everyone.if.no.acl.found", "false")
			.containsEntry("offsets.topic.replication.factor", "3")
			.containsEntry("transaction.state.log.replication.factor", "3")
			.containsEntry("transaction.state.log.min.isr", "2")
			.containsEntry("default.replication.factor", "3")
			.containsEntry("min.insync.replicas", "2");
	}

	@Test
	void theSagaTopicsOfAClusterHaveThreeReplicasOfWhichTwoMustBeInSync() {
		assertThat(Topics.sagaTopics(3, 2)).allSatisfy((topic) -> {
			assertThat(topic.replicationFactor()).isEqualTo((short) 3);
			assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
		});
		assertThat(Topics.sagaTopics(3, 2)).extracting((topic) -> topic.name())
			.containsExactly("orders", "inventory", "orders.DLT", "inventory.DLT", "_schemas");
	}

}
