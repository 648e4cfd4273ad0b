package dev.orderflow.registry;

import static dev.orderflow.registry.Schemas.body;
import static dev.orderflow.registry.Schemas.field;
import static dev.orderflow.registry.Schemas.record;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.orderflow.registry.RegistryHttp.Response;

class ErrorsIntegrationTest extends AbstractRegistryIntegrationTest {

	private static final String ORDER = record("Order", field("id", "string"));

	@Test
	void unknownSubjectIs40401() {
		assertError(this.http.get("/subjects/" + subject("missing") + "/versions"), 404, 40401);
		assertError(this.http.get("/subjects/" + subject("missing") + "/versions/1"), 404, 40401);
		assertError(this.http.post("/subjects/" + subject("missing"), body(ORDER)), 404, 40401);
		assertError(this.http.delete("/subjects/" + subject("missing")), 404, 40401);
	}

	@Test
	void unknownVersionIs40402() {
		String subject = registered();
		assertError(this.http.get("/subjects/" + subject + "/versions/99"), 404, 40402);
		assertError(this.http.delete("/subjects/" + subject + "/versions/99"), 404, 40402);
	}

	@Test
	void unknownSchemaIs40403() {
		String subject = registered();
		assertError(this.http.get("/schemas/ids/987654"), 404, 40403);
		assertError(this.http.get("/schemas/ids/987654/versions"), 404, 40403);
		assertError(this.http.post("/subjects/" + subject, body(record("Other", field("x", "int")))), 404, 40403);
	}

	@Test
	void invalidSchemaIs42201() {
		String subject = subject("invalid");
		assertError(this.http.post("/subjects/" + subject + "/versions", body("{\"type\":\"record\",\"name\":\"X\"}")),
				422, 42201);
		assertError(this.http.post("/subjects/" + subject + "/versions", body("not json")), 422, 42201);
		Response json = this.http.post("/subjects/" + subject + "/versions", body("{\"type\":\"object\"}", "JSON"));
		assertError(json, 422, 42201);
		assertThat(json.body().get("message").asString()).contains("only AVRO is supported");
		assertError(this.http.post("/subjects/" + subject + "/versions", body("syntax = \"proto3\";", "PROTOBUF")), 422,
				42201);
	}

	@Test
	void invalidVersionIs42202() {
		String subject = registered();
		for (String version : new String[] { "abc", "0", "-2", "1.5" }) {
			assertError(this.http.get("/subjects/" + subject + "/versions/" + version), 422, 42202);
		}
		assertThat(this.http.get("/subjects/" + subject + "/versions/-1").status()).isEqualTo(200);
	}

	@Test
	void invalidCompatibilityLevelIs42203() {
		assertError(this.http.put("/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
		assertError(this.http.put("/config/" + subject("config"), "{\"compatibility\":\"\"}"), 422, 42203);
	}

	@Test
	void unknownRoutesGetConfluentsNotFoundBody() {
		Response response = this.http.get("/no/such/resource");
		assertError(response, 404, 404);
		assertThat(response.text()).doesNotContain("Exception", "trace");
	}

	@Test
	void malformedBodyIsABadRequestWithoutStackTrace() {
		Response response = this.http.post("/subjects/" + subject("bad") + "/versions", "{\"schema\":");
		assertError(response, 400, 400);
		assertThat(response.text()).doesNotContain("\tat ");
	}

	private String registered() {
		String subject = subject("errors");
		assertThat(this.http.post("/subjects/" + subject + "/versions", body(ORDER)).status()).isEqualTo(200);
		return subject;
	}

	private static void assertError(Response response, int status, int errorCode) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.contentType()).startsWith(RegistryHttp.V1_JSON);
		assertThat(response.errorCode()).isEqualTo(errorCode);
		assertThat(response.body().get("message").asString()).isNotBlank();
	}

}
