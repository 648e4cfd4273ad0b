package dev.orderflow.registry;

import static dev.orderflow.registry.Schemas.body;
import static dev.orderflow.registry.Schemas.field;
import static dev.orderflow.registry.Schemas.ints;
import static dev.orderflow.registry.Schemas.record;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * The registry keeps nothing but the Kafka topic: a new instance on the same topic must
 * serve the same ids, versions, deletions and settings. Borrows the shared test broker
 * and starts two registries of its own, one after the other, on a topic of their own.
 */
class RestartIntegrationTest extends AbstractRegistryIntegrationTest {

	private static final String TOPIC = "_schemas_restart";

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Test
	void rebuildsTheSameStateFromTheTopicAfterARestart() {
		EmbeddedKafkaBroker broker = this.broker;
		String orders = "orders-value";
		String stock = "stock-value";
		String v1 = record("Order", field("id", "string"));
		String v2 = record("Order", field("id", "string"), field("note", "string", ""));
		int v1Id;
		int v2Id;
		try (ConfigurableApplicationContext first = start(broker)) {
			RegistryHttp registry = http(first);
			v1Id = registry.post("/subjects/" + orders + "/versions", body(v1)).body().get("id").asInt();
			v2Id = registry.post("/subjects/" + orders + "/versions", body(v2)).body().get("id").asInt();
			registry.post("/subjects/" + stock + "/versions", body(v1));
			registry.post("/subjects/" + stock + "/versions",
					DataContractsIntegrationTest.contract(v1, null, java.util.List
						.of(DataContractsIntegrationTest.rule("idPresent", "size(message.id) > 0", "ERROR"))));
			registry.put("/config/" + orders, "{\"compatibility\":\"FULL\"}");
			registry.put("/mode/" + stock, "{\"mode\":\"READONLY\"}");
			registry.delete("/subjects/" + orders + "/versions/1");
		}

		try (ConfigurableApplicationContext second = start(broker)) {
			RegistryHttp registry = http(second);
			assertThat(registry.get("/subjects/" + stock + "/versions/1").body().get("id").asInt()).isEqualTo(v1Id);
			assertThat(registry.get("/subjects/" + orders + "/versions/2").body().get("id").asInt()).isEqualTo(v2Id);
			assertThat(ints(registry.get("/subjects/" + orders + "/versions").body())).containsExactly(2);
			assertThat(ints(registry.get("/subjects/" + orders + "/versions?deleted=true").body())).containsExactly(1,
					2);
			assertThat(registry.get("/schemas/ids/" + v1Id).body().get("schema").asString()).isEqualTo(v1);
			assertThat(registry.get("/config/" + orders).body().get("compatibilityLevel").asString()).isEqualTo("FULL");
			assertThat(registry.get("/mode/" + stock).body().get("mode").asString()).isEqualTo("READONLY");
			// versions written before data contracts have no rules; the one written with
			// rules keeps them
			assertThat(registry.get("/subjects/" + stock + "/versions/1").body().has("ruleSet")).isFalse();
			assertThat(registry.get("/subjects/" + stock + "/versions/2").body().get("ruleSet").toString())
				.contains("idPresent");
			// Ids keep growing after a restart: a new schema never takes an existing id.
			int v3Id = registry
				.post("/subjects/" + orders + "/versions",
						body(record("Order", field("id", "string"), field("note", "string", ""), field("n", "int", 0))))
				.body()
				.get("id")
				.asInt();
			assertThat(v3Id).isGreaterThan(Math.max(v1Id, v2Id));
		}
	}

	private static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker) {
		return new SpringApplicationBuilder(SchemaRegistryApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
				"--orderflow.registry.topic=" + TOPIC);
	}

	private static RegistryHttp http(ConfigurableApplicationContext context) {
		return new RegistryHttp(((WebServerApplicationContext) context).getWebServer().getPort());
	}

}
