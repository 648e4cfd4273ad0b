package dev.orderflow.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production overlay: three brokers and three controllers, the saga's topics with six
 * partitions and three replicas, our registry as a cluster with basic auth on,
 * Confluent's serializer, one PostgreSQL per service, and the monitoring objects
 * (ServiceMonitors, alert rules, Grafana dashboard).
 */
class ProductionOverlayTests {

	private static final List<String> SERVICES = List.of("order-service", "inventory-service", "notification-service");

	private static Manifests production;

	@BeforeAll
	static void render() {
		production = Manifests.ofOverlay("production");
	}

	@Test
	void runsThreeBrokersAndThreeControllers() {
		assertThat(production.all(KafkaNodePool.class)).hasSize(2);
		KafkaNodePool brokers = production.get(KafkaNodePool.class, "brokers");
		assertThat(brokers.getSpec().getReplicas()).isEqualTo(3);
		assertThat(brokers.getSpec().getRoles()).containsExactly(ProcessRoles.BROKER);
		KafkaNodePool controllers = production.get(KafkaNodePool.class, "controllers");
		assertThat(controllers.getSpec().getReplicas()).isEqualTo(3);
		assertThat(controllers.getSpec().getRoles()).containsExactly(ProcessRoles.CONTROLLER);
	}

	@Test
	void declaresTheSagaTopicsTheirDeadLettersAndTheSchemasTopic() {
		for (String topic : List.of("orders", "inventory", "orders.DLT", "inventory.DLT")) {
			KafkaTopic resource = topic(topic);
			assertThat(resource.getSpec().getPartitions()).as(topic).isEqualTo(6);
			assertThat(resource.getSpec().getReplicas()).as(topic).isEqualTo(3);
			assertThat(resource.getSpec().getConfig()).as(topic).containsEntry("min.insync.replicas", 2);
		}
		KafkaTopic schemas = topic("_schemas");
		assertThat(schemas.getSpec().getPartitions()).isEqualTo(1);
		assertThat(schemas.getSpec().getConfig()).containsEntry("cleanup.policy", "compact");
	}

	@Test
	void theServicesDeclareAsManyPartitionsAsTheTopicsHave() {
		for (String service : List.of("order-service", "inventory-service")) {
			ConfigMap config = configOf(service);
			assertThat(config.getData()).as(service)
				.containsEntry("ORDERFLOW_TOPICS_PARTITIONS", "6")
				.containsEntry("ORDERFLOW_TOPICS_REPLICAS", "3");
			HorizontalPodAutoscaler hpa = production.get(HorizontalPodAutoscaler.class, service);
			assertThat(hpa.getSpec().getMaxReplicas()).as("replicas beyond the partitions idle").isLessThanOrEqualTo(6);
		}
	}

	@Test
	void runsOurRegistryAsAClusterOfTwoWithBasicAuthOn() {
		Deployment registry = production.get(Deployment.class, "schema-registry");
		assertThat(registry.getSpec().getReplicas()).isEqualTo(2);
		assertThat(ContainerSecurityTests.orderflowContainer(production, "schema-registry").getImage())
			.isEqualTo("registry.example.com/orderflow/schema-registry:0.1.0");
		assertThat(
				production.get(PodDisruptionBudget.class, "schema-registry").getSpec().getMaxUnavailable().getIntVal())
			.isEqualTo(1);
		Map<String, String> config = configOf("schema-registry").getData();
		assertThat(config).containsEntry("ORDERFLOW_REGISTRY_AUTH_ENABLED", "true")
			.containsEntry("ORDERFLOW_REGISTRY_REPLICATION_FACTOR", "3");
		assertThat(
				production.get(io.fabric8.kubernetes.api.model.Service.class, "schema-registry").getSpec().getPorts())
			.extracting((port) -> port.getPort())
			.containsExactly(8081);
		assertThat(production.all(Deployment.class))
			.flatExtracting((d) -> d.getSpec().getTemplate().getSpec().getContainers())
			.extracting(Container::getImage)
			.noneMatch((image) -> image.contains("confluentinc/cp-schema-registry"));
		// the registry's store is the topic the overlay declares (ours defaults to
		// _schemas)
		assertThat(config).doesNotContainKey("ORDERFLOW_REGISTRY_TOPIC");
		assertThat(ServiceConfig.of("schema-registry").defaultOf("orderflow.registry.topic"))
			.isEqualTo(topic("_schemas").getSpec().getTopicName());
	}

	@Test
	void servicesNeverRegisterSchemasSoReadOnlyUsersSuffice() {
		for (String service : SERVICES) {
			assertThat(configOf(service).getData()).as(service)
				.containsEntry("SPRING_KAFKA_PROPERTIES_AUTO_REGISTER_SCHEMAS", "false")
				.containsEntry("SPRING_KAFKA_PROPERTIES_BASIC_AUTH_CREDENTIALS_SOURCE", "USER_INFO");
		}
	}

	@Test
	void theServicesUseConfluentsSerializerByConfigurationAlone() {
		for (String service : SERVICES) {
			Map<String, String> data = configOf(service).getData();
			assertThat(data).as(service)
				.containsEntry("SPRING_KAFKA_CONSUMER_PROPERTIES_SPRING_DESERIALIZER_VALUE_DELEGATE_CLASS",
						"io.confluent.kafka.serializers.KafkaAvroDeserializer");
			if (!"notification-service".equals(service)) {
				assertThat(data).as(service)
					.containsEntry("SPRING_KAFKA_PRODUCER_VALUESERIALIZER",
							"io.confluent.kafka.serializers.KafkaAvroSerializer");
			}
		}
	}

	@Test
	void eachServiceHasItsOwnPostgres() {
		for (String service : SERVICES) {
			StatefulSet database = production.get(StatefulSet.class, service + "-db");
			assertThat(database.getSpec().getTemplate().getMetadata().getLabels())
				.containsEntry("db.orderflow.dev/" + service, "true");
			assertThat(database.getSpec().getTemplate().getMetadata().getLabels().keySet())
				.filteredOn((label) -> label.startsWith("db.orderflow.dev/"))
				.as("one database per service")
				.hasSize(1);
			assertThat(configOf(service).getData().get("SPRING_DATASOURCE_URL"))
				.startsWith("jdbc:postgresql://" + service + "-db:5432/");
		}
	}

	@Test
	void prometheusScrapesEveryServiceOnItsActuator() {
		for (String service : SERVICES) {
			ServiceMonitor monitor = production.get(ServiceMonitor.class, service);
			assertThat(monitor.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name",
					service);
			assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies((endpoint) -> {
				assertThat(endpoint.getPath()).isEqualTo("/actuator/prometheus");
				// the management port: the only one the NetworkPolicy opens to the
				// monitoring namespace
				assertThat(endpoint.getPort()).isEqualTo("management");
			});
			assertThat(String.valueOf(ServiceConfig.of(service).value("management.endpoints.web.exposure.include")))
				.contains("prometheus");
		}
	}

	@Test
	void alertsOnDeadLettersLagReadinessSagaLatencyAndTheOutbox() {
		List<Rule> rules = production.get(PrometheusRule.class, "orderflow")
			.getSpec()
			.getGroups()
			.stream()
			.flatMap((group) -> group.getRules().stream())
			.toList();
		assertThat(rules).extracting(Rule::getAlert)
			.containsExactlyInAnyOrder("OrderflowDeadLettersArriving", "OrderflowConsumerLagGrowing",
					"OrderflowNotReady", "OrderflowSagaSlow", "OrderflowOutboxStuck", "OrderflowOutboxEventsSetAside");
		assertThat(rules).extracting((rule) -> rule.getExpr().getStrVal())
			.anyMatch((expr) -> expr.contains("orderflow_dead_letters_total"))
			.anyMatch((expr) -> expr.contains("kafka_consumer_fetch_manager_records_lag_max"))
			.anyMatch((expr) -> expr.contains("orderflow_saga_duration_seconds_bucket"))
			.anyMatch((expr) -> expr.contains("kube_pod_status_ready"))
			.anyMatch((expr) -> expr.contains("orderflow_outbox_oldest_age_seconds"))
			.anyMatch((expr) -> expr.contains("orderflow_outbox_set_aside"));
	}

	@Test
	void shipsTheGrafanaDashboardAsAConfigMap() throws IOException {
		ConfigMap dashboard = production.all(ConfigMap.class)
			.stream()
			.filter((map) -> map.getMetadata().getName().startsWith("orderflow-dashboard"))
			.findFirst()
			.orElseThrow();
		assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
		String json = dashboard.getData().get("orderflow.json");
		assertThat(json).isEqualTo(Files.readString(Repository.k8s().resolve("dashboards/orderflow.json")));
		JsonNode root = new ObjectMapper().readTree(json);
		assertThat(root.path("uid").asText()).isNotBlank();
		assertThat(root.path("title").asText()).isNotBlank();
		assertThat(root.path("schemaVersion").asInt()).isPositive();
		assertThat(root.path("panels")).isNotEmpty().allSatisfy((panel) -> {
			assertThat(panel.path("targets")).isNotEmpty();
			assertThat(panel.path("gridPos").isObject()).isTrue();
		});
	}

	private static KafkaTopic topic(String name) {
		return production.all(KafkaTopic.class)
			.stream()
			.filter((t) -> name.equals(t.getSpec().getTopicName()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no KafkaTopic for " + name));
	}

	static ConfigMap configOf(String service) {
		return configOf(production, service);
	}

	/**
	 * The generated ConfigMap (name with kustomize's hash suffix) a service's pods
	 * import.
	 */
	static ConfigMap configOf(Manifests manifests, String service) {
		String name = manifests.get(Deployment.class, service)
			.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.get(0)
			.getEnvFrom()
			.get(0)
			.getConfigMapRef()
			.getName();
		return manifests.get(ConfigMap.class, name);
	}

}
