package dev.orderflow.registry;

import static dev.orderflow.registry.Schemas.field;
import static dev.orderflow.registry.Schemas.ints;
import static dev.orderflow.registry.Schemas.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.orderflow.registry.RegistryHttp.Response;

/**
 * Data contracts as Confluent's registry keeps them: metadata and rule sets registered
 * with a version, returned with it and with its id, and part of its identity.
 */
class DataContractsIntegrationTest extends AbstractRegistryIntegrationTest {

	private static final String ORDER = record("Order", field("id", "string"), field("email", "string"));

	private static final Map<String, Object> POSITIVE = rule("idPresent", "size(message.id) > 0", "ERROR");

	private static final Map<String, Object> EMAIL = rule("emailLooksLikeAnAddress",
			"message.email.matches('^[^@]+@[^@]+$')", "DLQ");

	private static final Map<String, Object> PII = Map.of("tags", Map.of("Order.email", List.of("PII")), "properties",
			Map.of("owner", "order-service"), "sensitive", List.of("owner"));

	@Test
	void returnsTheMetadataAndRulesWithTheVersionAndWithItsId() {
		String subject = subject("orders");
		Response registered = this.http.post("/subjects/" + subject + "/versions",
				contract(ORDER, PII, List.of(POSITIVE, EMAIL)));
		assertThat(registered.status()).isEqualTo(200);
		int id = registered.body().get("id").asInt();

		Response version = this.http.get("/subjects/" + subject + "/versions/1");
		assertThat(version.body().get("metadata").get("tags").get("Order.email").get(0).asString()).isEqualTo("PII");
		assertThat(version.body().get("metadata").get("properties").get("owner").asString()).isEqualTo("order-service");
		assertThat(version.body().get("metadata").get("sensitive").get(0).asString()).isEqualTo("owner");
		assertThat(version.body().get("ruleSet").get("domainRules")).hasSize(2);
		assertThat(version.text()).contains(
				"{\"name\":\"emailLooksLikeAnAddress\",\"kind\":\"CONDITION\",\"mode\":\"WRITE\",\"type\":\"CEL\","
						+ "\"expr\":\"message.email.matches('^[^@]+@[^@]+$')\",\"onFailure\":\"DLQ\"}");

		Response byId = this.http.get("/schemas/ids/" + id);
		assertThat(byId.body().get("schema").asString()).isEqualTo(ORDER);
		assertThat(byId.body().get("ruleSet").get("domainRules").get(0).get("name").asString()).isEqualTo("idPresent");
		assertThat(byId.body().get("metadata").get("tags").has("Order.email")).isTrue();
	}

	@Test
	void theSameSchemaWithOtherRulesIsANewVersionAndWithTheSameRulesTheSameOne() {
		String subject = subject("identity");
		int first = register(subject, contract(ORDER, null, List.of(POSITIVE)));
		assertThat(register(subject, contract(ORDER, null, List.of(POSITIVE)))).isEqualTo(first);

		int second = register(subject, contract(ORDER, null, List.of(POSITIVE, EMAIL)));
		assertThat(second).isNotEqualTo(first);
		assertThat(ints(this.http.get("/subjects/" + subject + "/versions").body())).containsExactly(1, 2);
		// each id still names its own rules
		assertThat(this.http.get("/schemas/ids/" + first).body().get("ruleSet").get("domainRules")).hasSize(1);
		assertThat(this.http.get("/schemas/ids/" + second).body().get("ruleSet").get("domainRules")).hasSize(2);

		// a bare schema (what an auto-registering serializer sends) finds the newest
		// version, rules and all
		assertThat(register(subject, Map.of("schema", ORDER))).isEqualTo(second);
		assertThat(this.http.post("/subjects/" + subject, Map.of("schema", ORDER)).body().get("version").asInt())
			.isEqualTo(2);
		assertThat(this.http.post("/subjects/" + subject, contract(ORDER, null, List.of(POSITIVE)))
			.body()
			.get("version")
			.asInt()).isEqualTo(1);
	}

	@Test
	void aNewSchemaWithoutRulesKeepsThePreviousVersionsContract() {
		String subject = subject("inherit");
		register(subject, contract(ORDER, PII, List.of(POSITIVE)));
		String v2 = record("Order", field("id", "string"), field("email", "string"), field("note", "string", ""));
		register(subject, Map.of("schema", v2));
		Response latest = this.http.get("/subjects/" + subject + "/versions/latest");
		assertThat(latest.body().get("version").asInt()).isEqualTo(2);
		assertThat(latest.body().get("ruleSet").get("domainRules").get(0).get("name").asString())
			.isEqualTo("idPresent");
		assertThat(latest.body().get("metadata").get("tags").has("Order.email")).isTrue();
	}

	@Test
	void mergesTheSubjectsDefaultAndOverrideRulesIntoNewVersions() {
		String subject = subject("defaults");
		Map<String, Object> strict = rule("emailLooksLikeAnAddress", "message.email.contains('@')", "ERROR");
		Response put = this.http.put("/config/" + subject,
				Map.of("defaultRuleSet", Map.of("domainRules", List.of(POSITIVE)), "overrideRuleSet",
						Map.of("domainRules", List.of(strict)), "defaultMetadata",
						Map.of("properties", Map.of("owner", "platform"))));
		assertThat(put.status()).isEqualTo(200);
		assertThat(put.body().get("defaultRuleSet").get("domainRules").get(0).get("name").asString())
			.isEqualTo("idPresent");

		register(subject, contract(ORDER, null, List.of(EMAIL)));
		Response version = this.http.get("/subjects/" + subject + "/versions/1");
		// the default comes first, the override replaces the version's rule of the same
		// name
		assertThat(version.body().get("ruleSet").get("domainRules").get(0).get("name").asString())
			.isEqualTo("idPresent");
		assertThat(version.body().get("ruleSet").get("domainRules").get(1).get("expr").asString())
			.isEqualTo("message.email.contains('@')");
		assertThat(version.body().get("metadata").get("properties").get("owner").asString()).isEqualTo("platform");

		Response config = this.http.get("/config/" + subject);
		assertThat(config.body().get("overrideRuleSet").get("domainRules")).hasSize(1);
		assertThat(config.body().has("compatibilityLevel")).isFalse();
		// setting the level keeps the rules
		this.http.put("/config/" + subject, Map.of("compatibility", "FULL"));
		assertThat(this.http.get("/config/" + subject).body().get("defaultRuleSet")).isNotNull();
		assertThat(this.http.get("/config/" + subject).body().get("compatibilityLevel").asString()).isEqualTo("FULL");
	}

	@Test
	void refusesARuleWithoutANameOrWithAModeItsListCannotHave() {
		String subject = subject("invalid");
		Map<String, Object> nameless = new LinkedHashMap<>(POSITIVE);
		nameless.remove("name");
		Response refused = this.http.post("/subjects/" + subject + "/versions",
				contract(ORDER, null, List.of(nameless)));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().get("error_code").asInt()).isEqualTo(42201);
		assertThat(refused.body().get("message").asString()).contains("every rule needs a name");

		Map<String, Object> upgrade = new LinkedHashMap<>(POSITIVE);
		upgrade.put("mode", "UPGRADE");
		Response wrongMode = this.http.post("/subjects/" + subject + "/versions",
				contract(ORDER, null, List.of(upgrade)));
		assertThat(wrongMode.status()).isEqualTo(422);
		assertThat(wrongMode.body().get("message").asString()).contains("idPresent", "UPGRADE");
	}

	private int register(String subject, Map<String, Object> body) {
		Response response = this.http.post("/subjects/" + subject + "/versions", body);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.body().get("id").asInt();
	}

	static Map<String, Object> rule(String name, String expr, String onFailure) {
		Map<String, Object> rule = new LinkedHashMap<>();
		rule.put("name", name);
		rule.put("kind", "CONDITION");
		rule.put("mode", "WRITE");
		rule.put("type", "CEL");
		rule.put("expr", expr);
		rule.put("onFailure", onFailure);
		return rule;
	}

	static Map<String, Object> contract(String schema, Map<String, Object> metadata, List<Map<String, Object>> rules) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("schema", schema);
		if (metadata != null) {
			body.put("metadata", metadata);
		}
		if (rules != null) {
			body.put("ruleSet", Map.of("domainRules", rules));
		}
		return body;
	}

}
