package dev.orderflow.registry;

import static dev.orderflow.registry.Schemas.body;
import static dev.orderflow.registry.Schemas.field;
import static dev.orderflow.registry.Schemas.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.orderflow.registry.RegistryHttp.Response;

class ConfigAndModeIntegrationTest extends AbstractRegistryIntegrationTest {

	private static final String ITEM = record("Item", field("sku", "string"));

	@Test
	void globalConfigDefaultsToBackwardAndCanBeChangedAndReset() {
		assertThat(this.http.get("/config").body().get("compatibilityLevel").asString()).isEqualTo("BACKWARD");
		try {
			Response updated = this.http.put("/config", "{\"compatibility\":\"full\"}");
			assertThat(updated.body().get("compatibility").asString()).isEqualTo("FULL");
			assertThat(this.http.get("/config").body().get("compatibilityLevel").asString()).isEqualTo("FULL");
		}
		finally {
			this.http.delete("/config");
		}
		assertThat(this.http.get("/config").body().get("compatibilityLevel").asString()).isEqualTo("BACKWARD");
	}

	@Test
	void subjectConfigFallsBackToGlobalOnlyWhenAsked() {
		String subject = subject("config");
		Response missing = this.http.get("/config/" + subject);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.errorCode()).isEqualTo(40408);
		assertThat(this.http.get("/config/" + subject + "?defaultToGlobal=true")
			.body()
			.get("compatibilityLevel")
			.asString()).isEqualTo("BACKWARD");

		this.http.put("/config/" + subject, "{\"compatibility\":\"FORWARD_TRANSITIVE\"}");
		assertThat(this.http.get("/config/" + subject).body().get("compatibilityLevel").asString())
			.isEqualTo("FORWARD_TRANSITIVE");
		assertThat(this.http.delete("/config/" + subject).body().get("compatibilityLevel").asString())
			.isEqualTo("FORWARD_TRANSITIVE");
		assertThat(this.http.get("/config/" + subject).errorCode()).isEqualTo(40408);
	}

	@Test
	void readOnlyModeRefusesWrites() {
		String subject = subject("readonly");
		int id = this.http.post("/subjects/" + subject + "/versions", body(ITEM)).body().get("id").asInt();
		assertThat(this.http.put("/mode/" + subject, "{\"mode\":\"READONLY\"}").body().get("mode").asString())
			.isEqualTo("READONLY");

		Response refused = this.http.post("/subjects/" + subject + "/versions",
				body(record("Item", field("sku", "string"), field("name", "string", ""))));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.errorCode()).isEqualTo(42205);
		assertThat(this.http.delete("/subjects/" + subject).errorCode()).isEqualTo(42205);
		// Reads still work.
		assertThat(this.http.get("/schemas/ids/" + id).status()).isEqualTo(200);

		this.http.put("/mode/" + subject, "{\"mode\":\"READWRITE\"}");
		assertThat(this.http.delete("/subjects/" + subject).status()).isEqualTo(200);
	}

	@Test
	void modesDefaultToReadWriteAndRejectUnknownValues() {
		assertThat(this.http.get("/mode").body().get("mode").asString()).isEqualTo("READWRITE");
		String subject = subject("mode");
		assertThat(this.http.get("/mode/" + subject).errorCode()).isEqualTo(40409);
		assertThat(this.http.get("/mode/" + subject + "?defaultToGlobal=true").body().get("mode").asString())
			.isEqualTo("READWRITE");
		assertThat(this.http.put("/mode/" + subject, "{\"mode\":\"SOMETIMES\"}").errorCode()).isEqualTo(42204);
	}

	@Test
	void importModeKeepsTheGivenIdAndVersion() {
		String subject = subject("import");
		this.http.put("/mode/" + subject, "{\"mode\":\"IMPORT\"}");
		Response imported = this.http.post("/subjects/" + subject + "/versions",
				Map.of("schema", ITEM.replace("Item", "Imported"), "id", 424242, "version", 7));
		assertThat(imported.body().get("id").asInt()).isEqualTo(424242);
		assertThat(this.http.get("/subjects/" + subject + "/versions/latest").body().get("version").asInt())
			.isEqualTo(7);
	}

	@Test
	void exposesHealthInfoAndPrometheusOnly() {
		assertThat(this.http.get("/actuator/health/readiness").text()).contains("UP");
		assertThat(this.http.get("/actuator/health/liveness").text()).contains("UP");
		assertThat(this.http.get("/actuator/info").status()).isEqualTo(200);
		assertThat(this.http.get("/actuator/prometheus").status()).isEqualTo(200);
		assertThat(this.http.get("/actuator/env").status()).isEqualTo(404);
	}

}
