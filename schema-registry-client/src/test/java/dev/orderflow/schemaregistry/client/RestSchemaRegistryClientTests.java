package dev.orderflow.schemaregistry.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orderflow.schemaregistry.compatibility.CompatibilityLevel;
import dev.orderflow.schemaregistry.serde.AvroSerdeConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RestSchemaRegistryClientTests {

	private static final String SUBJECT = "orders-dev.orderflow.events.OrderPlaced";

	private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"OrderPlaced\",\"namespace\":\"dev.orderflow.events\","
			+ "\"fields\":[{\"name\":\"orderId\",\"type\":\"string\"}]}";

	private static final String SUBJECT_PATH = "/subjects/" + SUBJECT;

	private FakeConfluentRegistry registry;

	private RestSchemaRegistryClient client;

	@BeforeEach
	void startRegistry() throws IOException {
		this.registry = new FakeConfluentRegistry();
		this.client = new RestSchemaRegistryClient(this.registry.url());
	}

	@AfterEach
	void stopRegistry() {
		this.registry.close();
	}

	@Test
	void registersWithConfluentMediaTypeAndCachesTheId() {
		this.registry.answer("POST " + SUBJECT_PATH + "/versions", 200, "{\"id\":7}");

		assertThat(this.client.register(SUBJECT, SCHEMA)).isEqualTo(7);
		assertThat(this.client.register(SUBJECT, SCHEMA)).isEqualTo(7);

		assertThat(this.registry.received()).singleElement().satisfies((request) -> {
			assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
			assertThat(request.accept()).startsWith("application/vnd.schemaregistry.v1+json");
			assertThat(request.body()).isEqualTo("{\"schema\":" + quoted(SCHEMA) + "}");
		});
	}

	@Test
	void asksToNormalizeWhenTold() {
		this.registry.answer("POST " + SUBJECT_PATH + "/versions?normalize=true", 200, "{\"id\":8}");

		assertThat(this.client.register(SUBJECT, SCHEMA, true)).isEqualTo(8);
	}

	@Test
	void fetchesSchemaByIdOnceBecauseIdsAreImmutable() {
		this.registry.answer("GET /schemas/ids/7", 200, "{\"schema\":" + quoted(SCHEMA) + "}");

		assertThat(this.client.getSchemaById(7)).isEqualTo(SCHEMA);
		assertThat(this.client.getSchemaById(7)).isEqualTo(SCHEMA);

		assertThat(this.registry.received()).hasSize(1);
	}

	@Test
	void readsVersionsAndSubjects() {
		String metadata = "{\"subject\":\"" + SUBJECT + "\",\"id\":7,\"version\":2,\"schema\":" + quoted(SCHEMA) + "}";
		this.registry.answer("GET " + SUBJECT_PATH + "/versions/latest", 200, metadata)
			.answer("GET " + SUBJECT_PATH + "/versions/2", 200, metadata)
			.answer("GET " + SUBJECT_PATH + "/versions", 200, "[1,2]")
			.answer("POST " + SUBJECT_PATH, 200, metadata)
			.answer("GET /subjects", 200, "[\"" + SUBJECT + "\",\"inventory-value\"]");

		SchemaMetadata expected = new SchemaMetadata(7, 2, SUBJECT, SCHEMA);
		assertThat(this.client.getLatestSchemaMetadata(SUBJECT)).isEqualTo(expected);
		assertThat(this.client.getSchemaMetadata(SUBJECT, 2)).isEqualTo(expected);
		assertThat(this.client.lookup(SUBJECT, SCHEMA, false)).isEqualTo(expected);
		assertThat(this.client.getId(SUBJECT, SCHEMA, false)).isEqualTo(7);
		assertThat(this.client.getAllVersions(SUBJECT)).containsExactly(1, 2);
		assertThat(this.client.getAllSubjects()).containsExactly(SUBJECT, "inventory-value");
	}

	@Test
	void encodesSubjectInPath() {
		this.registry.answer("GET /subjects/with%20space%2Fslash/versions", 200, "[1]");

		assertThat(this.client.getAllVersions("with space/slash")).containsExactly(1);
	}

	@Test
	void testsAndConfiguresCompatibility() {
		this.registry
			.answer("POST /compatibility/subjects/" + SUBJECT + "/versions/latest", 200, "{\"is_compatible\":false}")
			.answer("GET /config/" + SUBJECT + "?defaultToGlobal=true", 200, "{\"compatibilityLevel\":\"FULL\"}")
			.answer("GET /config", 200, "{\"compatibilityLevel\":\"BACKWARD\"}")
			.answer("PUT /config/" + SUBJECT, 200, "{\"compatibility\":\"FORWARD\"}");

		assertThat(this.client.testCompatibility(SUBJECT, SCHEMA)).isFalse();
		assertThat(this.client.getCompatibility(SUBJECT)).isEqualTo(CompatibilityLevel.FULL);
		assertThat(this.client.getCompatibility(null)).isEqualTo(CompatibilityLevel.BACKWARD);
		assertThat(this.client.updateCompatibility(SUBJECT, CompatibilityLevel.FORWARD))
			.isEqualTo(CompatibilityLevel.FORWARD);
		assertThat(this.registry.received().get(3).body()).isEqualTo("{\"compatibility\":\"FORWARD\"}");
	}

	@Test
	void turnsConfluentErrorBodyIntoException() {
		this.registry.answer("GET " + SUBJECT_PATH + "/versions/latest", 404,
				"{\"error_code\":40401,\"message\":\"Subject '" + SUBJECT + "' not found.\"}");

		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> this.client.getLatestSchemaMetadata(SUBJECT))
			.withMessageContaining("Subject '" + SUBJECT + "' not found.")
			.satisfies((ex) -> {
				assertThat(ex.httpStatus()).isEqualTo(404);
				assertThat(ex.errorCode()).isEqualTo(40401);
				assertThat(ex.isNotFound()).isTrue();
			});
	}

	@Test
	void keepsRawBodyWhenErrorIsNotJson() {
		this.registry.answer("GET /subjects", 502, "<html>Bad Gateway</html>");

		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(this.client::getAllSubjects)
			.withMessageContaining("Bad Gateway")
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(502));
	}

	@Test
	void failsOverFromDeadUrlToLiveOne() throws IOException {
		this.registry.answer("GET /subjects", 200, "[\"a\"]");
		RestSchemaRegistryClient failover = new RestSchemaRegistryClient(deadUrl() + ", " + this.registry.url());

		assertThat(failover.getAllSubjects()).containsExactly("a");
		assertThat(failover.getAllSubjects()).containsExactly("a");
		assertThat(this.registry.received()).hasSize(2);
	}

	@Test
	void reportsEveryUrlWhenNoneIsReachable() throws IOException {
		RestSchemaRegistryClient unreachable = new RestSchemaRegistryClient(List.of(URI.create(deadUrl())),
				Duration.ofSeconds(2), Duration.ofSeconds(2));

		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(unreachable::getAllSubjects)
			.withMessageContaining("No schema registry reachable")
			.satisfies((ex) -> assertThat(ex.httpStatus()).isZero());
	}

	@Test
	void anUnreachableRegistryIsTransient() throws IOException {
		RestSchemaRegistryClient unreachable = new RestSchemaRegistryClient(List.of(URI.create(deadUrl())),
				Duration.ofSeconds(2), Duration.ofSeconds(2));

		assertThatExceptionOfType(SchemaRegistryUnavailableException.class)
			.isThrownBy(() -> unreachable.getSchemaById(7))
			.satisfies((ex) -> assertThat(ex.isTransient()).isTrue());
	}

	@Test
	void aServerErrorOrThrottlingIsTransient() {
		this.registry.answer("GET /schemas/ids/7", 503,
				"{\"error_code\":50003,\"message\":\"Error while forwarding\"}");
		this.registry.answer("GET /schemas/ids/8", 429, "Too Many Requests");

		assertThatExceptionOfType(SchemaRegistryUnavailableException.class)
			.isThrownBy(() -> this.client.getSchemaById(7))
			.satisfies((ex) -> assertThat(ex.httpStatus()).isEqualTo(503));
		assertThatExceptionOfType(SchemaRegistryUnavailableException.class)
			.isThrownBy(() -> this.client.getSchemaById(8))
			.satisfies((ex) -> assertThat(ex.isTransient()).isTrue());
	}

	@Test
	void anUnknownIdOrARefusedSchemaIsNotTransient() {
		this.registry.answer("GET /schemas/ids/9", 404, "{\"error_code\":40403,\"message\":\"Schema 9 not found\"}");
		this.registry.answer("POST " + SUBJECT_PATH + "/versions", 422,
				"{\"error_code\":42201,\"message\":\"Invalid schema\"}");

		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> this.client.getSchemaById(9))
			.satisfies((ex) -> assertThat(ex.isTransient()).isFalse());
		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> this.client.register(SUBJECT, SCHEMA))
			.satisfies((ex) -> assertThat(ex.isTransient()).isFalse());
	}

	@Test
	void refusesUrlsThatAreNotHttp() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new RestSchemaRegistryClient("localhost:8081"));
	}

	@Test
	void sendsNoAuthorizationWhenNoCredentialsAreConfigured() {
		this.registry.answer("GET /subjects", 200, "[]");

		this.client.getAllSubjects();
		serdeClient(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, this.registry.url())).getAllSubjects();

		assertThat(this.registry.received()).hasSize(2)
			.allSatisfy((request) -> assertThat(request.authorization()).isNull());
	}

	@Test
	void sendsBasicAuthFromUserInfoOnEveryRequest() {
		this.registry.answer("GET /subjects", 200, "[]")
			.answer("GET /schemas/ids/7", 200, "{\"schema\":" + quoted(SCHEMA) + "}");
		SchemaRegistryClient authenticated = serdeClient(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
				this.registry.url(), AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
				AvroSerdeConfig.BASIC_AUTH_USER_INFO, "alice:se:cret"));

		authenticated.getAllSubjects();
		authenticated.getSchemaById(7);

		assertThat(this.registry.received()).hasSize(2)
			.allSatisfy((request) -> assertThat(request.authorization()).isEqualTo(basic("alice:se:cret")));
	}

	@Test
	void sendsBasicAuthFromUrlUserInfoWithoutSendingItInTheUrl() {
		this.registry.answer("GET /subjects", 200, "[]");
		SchemaRegistryClient authenticated = serdeClient(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
				this.registry.url("bob:p%40ss@"), "schema.registry.basic.auth.credentials.source", "URL"));

		authenticated.getAllSubjects();

		assertThat(this.registry.received()).singleElement()
			.satisfies((request) -> assertThat(request.authorization()).isEqualTo(basic("bob:p@ss")));
		assertThat(((RestSchemaRegistryClient) authenticated).baseUrls())
			.containsExactly(URI.create(this.registry.url()));
	}

	@Test
	void takesCredentialsFromUrlByDefaultAsConfluentDoes() {
		this.registry.answer("GET /subjects", 200, "[]");

		new RestSchemaRegistryClient(this.registry.url("bob:pw@")).getAllSubjects();

		assertThat(this.registry.received()).singleElement()
			.satisfies((request) -> assertThat(request.authorization()).isEqualTo(basic("bob:pw")));
	}

	@Test
	void keepsUrlPasswordOutOfErrors() throws IOException {
		String dead = deadUrl().replace("http://", "http://bob:hunter2@");
		SchemaRegistryClient unreachable = serdeClient(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, dead,
				AvroSerdeConfig.CONNECT_TIMEOUT_MS, 2000, AvroSerdeConfig.READ_TIMEOUT_MS, 2000));

		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(unreachable::getAllSubjects)
			.withMessageNotContaining("hunter2");
	}

	private static SchemaRegistryClient serdeClient(Map<String, ?> configs) {
		return AvroSerdeConfig.from(configs, true).createClient();
	}

	private static String basic(String userInfo) {
		return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
	}

	/** A port that nothing listens on: bound, then released. */
	private static String deadUrl() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
	}

	private static String quoted(String json) {
		return "\"" + json.replace("\"", "\\\"") + "\"";
	}

}
