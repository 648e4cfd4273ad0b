package dev.orderflow.registry;

import static dev.orderflow.registry.Schemas.body;
import static dev.orderflow.registry.Schemas.field;
import static dev.orderflow.registry.Schemas.record;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.orderflow.registry.RegistryHttp.Response;

class CompatibilityIntegrationTest extends AbstractRegistryIntegrationTest {

	private static final String V1 = record("Payment", field("a", "string"));

	/** Adds a field without a default: a new reader cannot read old data. */
	private static final String NOT_BACKWARD = record("Payment", field("a", "string"), field("b", "string"));

	@Test
	void refusesAnIncompatibleChangeUnderBackwardAndAcceptsItUnderNone() {
		String subject = subject("backward");
		this.http.post("/subjects/" + subject + "/versions", body(V1));

		Response refused = this.http.post("/subjects/" + subject + "/versions", body(NOT_BACKWARD));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.errorCode()).isEqualTo(409);
		assertThat(refused.body().get("message").asString()).contains("READER_FIELD_MISSING_DEFAULT_VALUE", "b");

		this.http.put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
		assertThat(this.http.post("/subjects/" + subject + "/versions", body(NOT_BACKWARD)).status()).isEqualTo(200);
	}

	@Test
	void transitiveLevelsCheckEveryVersionAndTheOthersOnlyTheLatest() {
		String subject = subject("transitive");
		this.http.put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
		this.http.post("/subjects/" + subject + "/versions", body(record("Payment", field("a", "string"))));
		this.http.post("/subjects/" + subject + "/versions", body(record("Payment", field("b", "string"))));
		// Reads version 2 (b present, c defaulted) but not version 1 (b missing, no
		// default).
		String candidate = record("Payment", field("b", "string"), field("c", "string", "x"));

		this.http.put("/config/" + subject, "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
		assertThat(this.http.post("/compatibility/subjects/" + subject + "/versions", body(candidate))
			.body()
			.get("is_compatible")
			.asBoolean()).isFalse();
		assertThat(this.http.post("/subjects/" + subject + "/versions", body(candidate)).status()).isEqualTo(409);

		this.http.put("/config/" + subject, "{\"compatibility\":\"BACKWARD\"}");
		assertThat(this.http.post("/compatibility/subjects/" + subject + "/versions", body(candidate))
			.body()
			.get("is_compatible")
			.asBoolean()).isTrue();
		assertThat(this.http.post("/subjects/" + subject + "/versions", body(candidate)).status()).isEqualTo(200);
	}

	@Test
	void verboseMessagesNameTheVersionCheckedAgainst() {
		String subject = subject("verbose-version");
		this.http.post("/subjects/" + subject + "/versions", body(V1));
		this.http.post("/subjects/" + subject + "/versions",
				body(record("Payment", field("a", "string"), field("b", "string", "none"))));
		// Adds 'c' without a default: neither version 1 nor version 2 data can be read.
		String candidate = record("Payment", field("a", "string"), field("b", "string", "none"), field("c", "string"));

		Response latest = this.http.post("/compatibility/subjects/" + subject + "/versions/latest?verbose=true",
				body(candidate));
		assertThat(latest.body().get("is_compatible").asBoolean()).isFalse();
		assertThat(latest.body().get("messages")).singleElement()
			.extracting(JsonNode::asString)
			.asString()
			.contains("version 2", "READER_FIELD_MISSING_DEFAULT_VALUE", "c")
			.doesNotContain("version 1");

		this.http.put("/config/" + subject, "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
		Response all = this.http.post("/compatibility/subjects/" + subject + "/versions?verbose=true", body(candidate));
		assertThat(all.body().get("is_compatible").asBoolean()).isFalse();
		assertThat(all.body().get("messages")).extracting(JsonNode::asString)
			.satisfiesExactly((message) -> assertThat(message).contains("version 1"),
					(message) -> assertThat(message).contains("version 2"));
	}

	@Test
	void explainsIncompatibilityWhenVerbose() {
		String subject = subject("verbose");
		this.http.post("/subjects/" + subject + "/versions", body(V1));

		Response verbose = this.http.post("/compatibility/subjects/" + subject + "/versions/latest?verbose=true",
				body(NOT_BACKWARD));
		assertThat(verbose.body().get("is_compatible").asBoolean()).isFalse();
		assertThat(verbose.body().get("messages").size()).isPositive();

		Response quiet = this.http.post("/compatibility/subjects/" + subject + "/versions/1", body(NOT_BACKWARD));
		assertThat(quiet.body().has("messages")).isFalse();

		Response compatible = this.http.post("/compatibility/subjects/" + subject + "/versions/latest?verbose=true",
				body(record("Payment", field("a", "string"), field("b", "string", "none"))));
		assertThat(compatible.body().get("is_compatible").asBoolean()).isTrue();
		assertThat(compatible.body().get("messages").size()).isZero();

		assertThat(this.http.post("/compatibility/subjects/" + subject + "/versions/7", body(V1)).errorCode())
			.isEqualTo(40402);
	}

}
