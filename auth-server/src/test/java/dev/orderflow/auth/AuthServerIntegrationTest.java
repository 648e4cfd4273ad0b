package dev.orderflow.auth;

import java.util.Base64;

import dev.orderflow.authclient.DemoUser;
import dev.orderflow.authclient.SignInException;
import dev.orderflow.authclient.TokenClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "orderflow.auth.test-clients=true", "orderflow.auth.issuer=http://127.0.0.1:9000" })
class AuthServerIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void aCustomerSignsInThroughTheLoginFormAndGetsATokenNamingThemForTheOrdersApi() {
		JsonNode claims = claims(TokenClient.onPort(this.port).accessToken(DemoUser.customer("c-1")));

		assertThat(claims.get("sub").asString()).isEqualTo("c-1");
		assertThat(claims.get("roles").get(0).asString()).isEqualTo("customer");
		assertThat(audience(claims)).isEqualTo("orderflow-api");
		assertThat(claims.get("iss").asString()).isEqualTo("http://127.0.0.1:9000");
	}

	@Test
	void theOperatorsTokenCarriesTheOperatorRole() {
		JsonNode claims = claims(TokenClient.onPort(this.port).accessToken(DemoUser.operator()));

		assertThat(claims.get("sub").asString()).isEqualTo("operator");
		assertThat(claims.get("roles").get(0).asString()).isEqualTo("operator");
	}

	@Test
	void aWrongPasswordIsRefused() {
		assertThatThrownBy(() -> TokenClient.onPort(this.port).accessToken(new DemoUser("c-1", "guess")))
			.isInstanceOf(SignInException.class)
			.hasMessageContaining("refused the password of c-1");
	}

	@Test
	void theTestClientsIssueATokenForAnotherAudienceAndOneThatLivesOneSecond() {
		TokenClient client = TokenClient.onPort(this.port);
		JsonNode other = claims(
				client.withClient(TokenClient.OTHER_AUDIENCE_CLIENT).accessToken(DemoUser.customer("c-2")));
		JsonNode shortLived = claims(
				client.withClient(TokenClient.SHORT_LIVED_CLIENT).accessToken(DemoUser.customer("c-2")));

		assertThat(audience(other)).isEqualTo(AuthServerProperties.OTHER_AUDIENCE);
		assertThat(shortLived.get("exp").asLong() - shortLived.get("iat").asLong()).isEqualTo(1);
	}

	@Test
	void answersItsReadinessProbeWithoutSigningIn() throws Exception {
		java.net.http.HttpResponse<String> readiness = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());

		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"UP\"");
	}

	@Test
	void theConsolesOriginMayCallTheTokenEndpointFromTheBrowserAndNoOtherOrigin() throws Exception {
		assertThat(tokenEndpointFrom("http://127.0.0.1:8083")).hasValue("http://127.0.0.1:8083");
		assertThat(tokenEndpointFrom("http://evil.example")).isEmpty();
	}

	/**
	 * The Access-Control-Allow-Origin a browser on that origin gets from a code exchange
	 * (refused here: no code).
	 */
	private java.util.Optional<String> tokenEndpointFrom(String origin) throws Exception {
		java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/oauth2/token"))
				.header("Origin", origin)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(java.net.http.HttpRequest.BodyPublishers
					.ofString("grant_type=authorization_code&code=none&client_id=orderflow-console&code_verifier=x"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		return response.headers().firstValue("Access-Control-Allow-Origin");
	}

	/**
	 * One audience is written as a string, several as an array (RFC 7519 allows both).
	 */
	private static String audience(JsonNode claims) {
		JsonNode aud = claims.get("aud");
		return aud.isArray() ? aud.get(0).asString() : aud.asString();
	}

	private static JsonNode claims(String jwt) {
		String payload = jwt.split("\\.")[1];
		return JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(payload));
	}

}
