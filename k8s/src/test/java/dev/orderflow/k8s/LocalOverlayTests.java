package dev.orderflow.k8s;

import java.util.List;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local overlay fits one kind node: one Kafka node that is controller and broker,
 * every replication factor 1, our own schema registry, one PostgreSQL with a database per
 * service whose credentials match the services', and Mailpit for e-mail.
 */
class LocalOverlayTests {

	private static Manifests local;

	@BeforeAll
	static void render() {
		local = Manifests.ofOverlay("local");
	}

	@Test
	void runsOneDualRoleKafkaNode() {
		assertThat(local.all(Kafka.class)).hasSize(1);
		KafkaNodePool pool = local.all(KafkaNodePool.class).get(0);
		assertThat(local.all(KafkaNodePool.class)).hasSize(1);
		assertThat(pool.getSpec().getReplicas()).isEqualTo(1);
		assertThat(pool.getSpec().getRoles()).containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
		assertThat(local.get(Kafka.class, "orderflow").getSpec().getKafka().getConfig())
			.containsEntry("offsets.topic.replication.factor", 1)
			.containsEntry("default.replication.factor", 1);
	}

	@Test
	void replicatesNothingBeyondTheSingleBroker() {
		assertThat(ProductionOverlayTests.configOf(local, "schema-registry").getData())
			.containsEntry("ORDERFLOW_REGISTRY_REPLICATION_FACTOR", "1");
		for (String service : List.of("order-service", "inventory-service")) {
			assertThat(ProductionOverlayTests.configOf(local, service).getData()).as(service)
				.containsEntry("ORDERFLOW_TOPICS_REPLICAS", "1");
		}
	}

	@Test
	void runsOurOwnRegistry() {
		assertThat(local.get(Deployment.class, "schema-registry").getSpec().getTemplate().getSpec().getContainers())
			.singleElement()
			.satisfies((container) -> assertThat(container.getImage()).isEqualTo("orderflow/schema-registry:0.1.0"));
	}

	@Test
	void onePostgresHoldsADatabasePerServiceWithTheServicesCredentials() {
		StatefulSet postgres = local.get(StatefulSet.class, "postgres");
		String init = local.get(ConfigMap.class, "postgres-init").getData().values().iterator().next();
		Secret owner = local.get(Secret.class, "postgres");
		for (String service : List.of("order-service", "inventory-service", "notification-service")) {
			String database = service.replace('-', '_');
			assertThat(init).contains("CREATE DATABASE " + database + ";");
			assertThat(ProductionOverlayTests.configOf(local, service).getData().get("SPRING_DATASOURCE_URL"))
				.isEqualTo("jdbc:postgresql://postgres:5432/" + database);
			assertThat(postgres.getSpec().getTemplate().getMetadata().getLabels())
				.containsEntry("db.orderflow.dev/" + service, "true");
			Secret credentials = local.get(Secret.class, service + "-db");
			assertThat(credentials.getStringData())
				.containsEntry("SPRING_DATASOURCE_USERNAME", owner.getStringData().get("POSTGRES_USER"))
				.containsEntry("SPRING_DATASOURCE_PASSWORD", owner.getStringData().get("POSTGRES_PASSWORD"));
		}
	}

	@Test
	void notificationsGoToMailpit() {
		assertThat(ProductionOverlayTests.configOf(local, "notification-service").getData())
			.containsEntry("SMTP_HOST", "mailpit")
			.containsEntry("SMTP_PORT", "1025");
		assertThat(local.find(Deployment.class, "mailpit")).isPresent();
	}

}
