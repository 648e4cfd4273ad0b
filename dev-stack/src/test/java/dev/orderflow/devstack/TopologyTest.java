package dev.orderflow.devstack;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopologyTest {

	private final StackPorts ports = StackPorts.defaults();

	@Test
	void theDefaultStackRunsOneOfEachWithoutPostgres() {
		assertThat(Topology.single().processes(EnumSet.allOf(Component.class))).extracting(StackProcess::name)
			.containsExactly("kafka", "smtp", "auth-server", "schema-registry", "inventory-service", "order-service",
					"notification-service");
		assertThat(Topology.single().bootstrapServers(this.ports)).isEqualTo("127.0.0.1:9092");
	}

	@Test
	void aScaledOutStackStartsPostgresFirstThenEveryBrokerAndEveryInstance() {
		Topology scaled = new Topology(2, 3, true);

		assertThat(scaled.processes(EnumSet.allOf(Component.class))).extracting(StackProcess::name)
			.containsExactly("postgres", "kafka", "kafka-2", "kafka-3", "smtp", "auth-server", "schema-registry",
					"schema-registry-2", "inventory-service", "inventory-service-2", "order-service", "order-service-2",
					"notification-service", "notification-service-2");
		assertThat(scaled.bootstrapServers(this.ports)).isEqualTo("127.0.0.1:9092,127.0.0.1:9192,127.0.0.1:9292");
		assertThat(scaled.replicationFactor()).isEqualTo(3);
		assertThat(scaled.minInsyncReplicas()).isEqualTo(2);
	}

	@Test
	void aStackStopsEveryServiceTogetherThenTheRegistriesThenWhatTheyAllUse() {
		Topology scaled = new Topology(2, 3, true);

		assertThat(LocalStack.stopWaves(scaled.processes(EnumSet.allOf(Component.class))))
			.map((wave) -> wave.stream().map(StackProcess::name).toList())
			.containsExactly(
					List.of("inventory-service", "inventory-service-2", "order-service", "order-service-2",
							"notification-service", "notification-service-2"),
					List.of("schema-registry", "schema-registry-2"),
					List.of("postgres", "kafka", "kafka-2", "kafka-3", "smtp", "auth-server"));
	}

	@Test
	void instanceKListensOnItsPortPlusAHundredPerInstanceBeforeIt() {
		assertThat(this.ports.of(new StackProcess(Component.ORDER_SERVICE, 2))).isEqualTo(8180);
		assertThat(this.ports.of(new StackProcess(Component.SCHEMA_REGISTRY, 2))).isEqualTo(8181);
		assertThat(this.ports.of(new StackProcess(Component.ORDER_SERVICE, 3))).isEqualTo(8280);
		assertThat(this.ports.of(new StackProcess(Component.NOTIFICATION_SERVICE, 2))).isEqualTo(8183);
		assertThat(this.ports.of(new StackProcess(Component.KAFKA, 2))).isEqualTo(9192);
		assertThat(this.ports.controllerOf(2)).isEqualTo(9193);
		assertThat(this.ports.of(new StackProcess(Component.KAFKA, 3))).isEqualTo(9292);
		assertThat(this.ports.controllerOf(3)).isEqualTo(9293);
		assertThat(this.ports.of(StackProcess.first(Component.POSTGRES))).isEqualTo(5432);
	}

	@Test
	void everyPortOfAClusterIsCheckedBeforeStartingWithWhatItIsFor() {
		var wanted = this.ports
			.wantedBy(new Topology(2, 3, true).processes(EnumSet.of(Component.KAFKA, Component.ORDER_SERVICE)));

		assertThat(wanted).containsKeys(9092, 9093, 9192, 9193, 9292, 9293, 8080, 8180);
		assertThat(wanted.get(9293)).isEqualTo("Kafka KRaft controller, node 3");
		assertThat(wanted.get(8180)).isEqualTo("order-service HTTP API, instance 2");
	}

	@Test
	void severalInstancesNeedPostgresBecauseAnH2FileServesOneProcess() {
		assertThatThrownBy(() -> new Topology(2, 1, false)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("--instances 2 needs --postgres");
		assertThatThrownBy(() -> new Topology(1, 2, false)).hasMessageContaining("--brokers must be 1 or 3");
		assertThatThrownBy(() -> new Topology(0, 1, false)).hasMessageContaining("--instances must be 1 to 9");
		assertThatThrownBy(() -> new Topology(10, 1, true)).hasMessageContaining("--instances must be 1 to 9");
	}

	@Test
	void namesOfInstancesAreParsedBackAndTheFirstKeepsItsComponentsName() {
		assertThat(StackProcess.byName("order-service-2")).contains(new StackProcess(Component.ORDER_SERVICE, 2));
		assertThat(StackProcess.byName("kafka-3")).contains(new StackProcess(Component.KAFKA, 3));
		assertThat(StackProcess.byName("order-service")).contains(StackProcess.first(Component.ORDER_SERVICE));
		assertThat(StackProcess.byName("order-service-1")).isEmpty();
		assertThat(StackProcess.byName("zookeeper-2")).isEmpty();
	}

	@Test
	void aDataDirectoryRemembersTheTopologyItWasStartedWith(@TempDir Path root) {
		DataDir dataDir = new DataDir(root);
		assertThat(Topology.recorded(dataDir)).isEmpty();

		new Topology(3, 3, true).save(dataDir);

		assertThat(Topology.recorded(dataDir)).contains(new Topology(3, 3, true));
	}

	@Test
	void statusAndDownSeeEveryRecordedInstanceAndLeftoverPidFiles(@TempDir Path root) throws Exception {
		DataDir dataDir = new DataDir(root);
		dataDir.create();
		new Topology(2, 1, true).save(dataDir);
		java.nio.file.Files.writeString(dataDir.pid(new StackProcess(Component.ORDER_SERVICE, 3)), "999999\n");

		assertThat(LocalStack.recorded(dataDir)).extracting(StackProcess::name)
			.contains("postgres", "order-service", "order-service-2", "order-service-3", "notification-service-2")
			.doesNotContain("kafka-2");
		assertThat(dataDir.log(new StackProcess(Component.ORDER_SERVICE, 2))).hasFileName("order-service-2.log");
	}

}
