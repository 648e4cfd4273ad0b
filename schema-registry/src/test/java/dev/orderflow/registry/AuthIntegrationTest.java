package dev.orderflow.registry;

import static dev.orderflow.registry.Schemas.body;
import static dev.orderflow.registry.Schemas.field;
import static dev.orderflow.registry.Schemas.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * With basic auth on, every endpoint: no or wrong credentials get Confluent's 401, a
 * read-only user reads but gets 403 on every write, a read-write user does everything,
 * and none of them ever sees a 5xx. The matrix is checked against the application's own
 * request mappings, so a new endpoint cannot escape it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"orderflow.registry.topic=_schemas_auth", "orderflow.registry.auth.enabled=true",
				"orderflow.registry.auth.read-only-users=reader:read-secret,auditor:audit-secret",
				"orderflow.registry.auth.read-write-users=writer:write-secret" })
@EmbeddedKafka(partitions = 1)
class AuthIntegrationTest {

	private static final String SCHEMA = record("Audited", field("id", "string"));

	private static final String SCHEMA_V2 = record("Audited", field("id", "string"), field("n", "int", 0));

	private static final List<Call> CALLS = List.of(Call.read("GET", "/"), Call.read("GET", "/subjects"),
			Call.read("POST", "/subjects/{subject}"), Call.write("POST", "/subjects/{subject}/versions"),
			Call.read("GET", "/subjects/{subject}/versions"),
			Call.read("GET", "/subjects/{subject}/versions/{version}"),
			Call.read("GET", "/subjects/{subject}/versions/{version}/schema"),
			Call.read("GET", "/subjects/{subject}/versions/{version}/referencedby"),
			Call.write("DELETE", "/subjects/{subject}/versions/{version}"), Call.write("DELETE", "/subjects/{subject}"),
			Call.read("GET", "/schemas/types"), Call.read("GET", "/schemas/ids/{id}"),
			Call.read("GET", "/schemas/ids/{id}/schema"), Call.read("GET", "/schemas/ids/{id}/versions"),
			Call.read("GET", "/schemas/ids/{id}/subjects"),
			Call.read("POST", "/compatibility/subjects/{subject}/versions"),
			Call.read("POST", "/compatibility/subjects/{subject}/versions/{version}"), Call.read("GET", "/config"),
			Call.write("PUT", "/config"), Call.write("DELETE", "/config"), Call.read("GET", "/config/{subject}"),
			Call.write("PUT", "/config/{subject}"), Call.write("DELETE", "/config/{subject}"),
			Call.read("GET", "/mode"), Call.write("PUT", "/mode"), Call.read("GET", "/mode/{subject}"),
			Call.write("PUT", "/mode/{subject}"), Call.write("DELETE", "/mode/{subject}"),
			Call.read("GET", "/v1/metadata/id"), Call.read("GET", "/v1/metadata/version"),
			Call.read("GET", "/v1/metadata/leader"));

	@LocalServerPort
	private int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	private RegistryHttp anonymous;

	private String subject;

	private int id;

	@BeforeEach
	void seed() {
		this.anonymous = new RegistryHttp(this.port);
		this.subject = "audited-" + System.nanoTime();
		RegistryHttp writer = this.anonymous.as("writer", "write-secret");
		this.id = writer.post("/subjects/" + this.subject + "/versions", body(SCHEMA)).body().get("id").asInt();
	}

	@Test
	void theMatrixCoversEveryEndpoint() {
		Set<String> mapped = new TreeSet<>();
		this.mappings.getHandlerMethods()
			.keySet()
			.forEach((info) -> info.getPathPatternsCondition()
				.getPatternValues()
				.stream()
				.filter((path) -> !path.equals("/error"))
				.forEach((path) -> info.getMethodsCondition()
					.getMethods()
					.forEach((method) -> mapped.add(method.name() + " " + path))));
		assertThat(CALLS.stream().map(Call::endpoint).toList()).containsExactlyInAnyOrderElementsOf(mapped);
	}

	@Test
	void withoutValidCredentialsEveryEndpointAnswersConfluents401() {
		for (RegistryHttp caller : List.of(this.anonymous, this.anonymous.as("writer", "wrong"),
				this.anonymous.as("nobody", "write-secret"))) {
			for (Call call : CALLS) {
				RegistryHttp.Response response = call.send(caller, this);
				assertThat(response.status()).as(call.endpoint()).isEqualTo(401);
				assertThat(response.errorCode()).isEqualTo(401);
				assertThat(response.body().get("message").asString()).isEqualTo("Unauthorized");
			}
		}
	}

	@Test
	void aReadOnlyUserReadsEverythingAndIsForbiddenEveryWrite() {
		RegistryHttp reader = this.anonymous.as("reader", "read-secret");
		for (Call call : CALLS) {
			RegistryHttp.Response response = call.send(reader, this);
			if (call.write()) {
				assertThat(response.status()).as(call.endpoint()).isEqualTo(403);
				assertThat(response.errorCode()).isEqualTo(40301);
			}
			else {
				// allowed: answered on its merits (a lookup of an unregistered schema is
				// a 404), never a 5xx
				assertThat(response.status()).as(call.endpoint()).isNotIn(401, 403);
				assertThat(response.status()).as(call.endpoint()).isLessThan(500);
			}
		}
		// nothing changed: the schema is still the subject's only version
		assertThat(reader.get("/subjects/" + this.subject + "/versions").text()).isEqualTo("[1]");
	}

	@Test
	void aReadWriteUserCallsEveryEndpointAndNeverSeesA5xx() {
		RegistryHttp writer = this.anonymous.as("writer", "write-secret");
		for (Call call : CALLS) {
			RegistryHttp.Response response = call.send(writer, this);
			assertThat(response.status()).as(call.endpoint() + ": " + response.text()).isNotIn(401, 403);
			assertThat(response.status()).as(call.endpoint() + ": " + response.text()).isLessThan(500);
		}
	}

	@Test
	void healthStaysOpenForProbes() {
		assertThat(this.anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
	}

	private record Call(String method, String template, boolean write) {

		static Call read(String method, String template) {
			return new Call(method, template, false);
		}

		static Call write(String method, String template) {
			return new Call(method, template, true);
		}

		String endpoint() {
			return this.method + " " + this.template;
		}

		RegistryHttp.Response send(RegistryHttp http, AuthIntegrationTest test) {
			String path = this.template.replace("{subject}", test.subject)
				.replace("{version}", "1")
				.replace("{id}", String.valueOf(test.id));
			Object body = body(this.template);
			BiFunction<String, Object, RegistryHttp.Response> post = http::post;
			return switch (this.method) {
				case "GET" -> http.get(path);
				case "POST" -> post.apply(path, body);
				case "PUT" -> http.put(path, body);
				case "DELETE" -> http.delete(path);
				default -> throw new IllegalArgumentException(this.method);
			};
		}

		private static Object body(String template) {
			if (template.startsWith("/config")) {
				return "{\"compatibility\":\"BACKWARD\"}";
			}
			if (template.startsWith("/mode")) {
				return "{\"mode\":\"READWRITE\"}";
			}
			return Schemas.body(SCHEMA_V2);
		}

	}

}
