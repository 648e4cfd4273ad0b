package dev.orderflow.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The clients: both public (no secret a browser or a shell script could leak) and both
 * bound to authorization code with PKCE. The console signs users in in the browser; the
 * CLI ({@code ./orderflow token}) walks the same login form and code exchange by itself.
 */
@Configuration(proxyBeanMethods = false)
class Clients {

	static final String CONSOLE = "orderflow-console";

	static final String CLI = "orderflow-cli";

	/** Issues tokens that expire after a second: the role matrix's expired token. */
	static final String SHORT_LIVED = "orderflow-test-short-lived";

	/**
	 * Issues tokens for {@link AuthServerProperties#OTHER_AUDIENCE}: the role matrix's
	 * wrong audience.
	 */
	static final String OTHER_AUDIENCE = "orderflow-test-other-audience";

	@Bean
	RegisteredClientRepository registeredClients(AuthServerProperties properties) {
		List<RegisteredClient> clients = new ArrayList<>();
		clients.add(publicClient(CONSOLE, properties.consoleRedirectUri(), properties.accessTokenTtl()));
		clients.add(publicClient(CLI, properties.cliRedirectUri(), properties.accessTokenTtl()));
		if (properties.testClients()) {
			clients.add(publicClient(SHORT_LIVED, properties.cliRedirectUri(), Duration.ofSeconds(1)));
			clients.add(publicClient(OTHER_AUDIENCE, properties.cliRedirectUri(), properties.accessTokenTtl()));
		}
		return new InMemoryRegisteredClientRepository(clients);
	}

	private static RegisteredClient publicClient(String id, String redirectUri, Duration accessTokenTtl) {
		return RegisteredClient.withId(UUID.nameUUIDFromBytes(id.getBytes()).toString())
			.clientId(id)
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(redirectUri)
			.scope("orders")
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(accessTokenTtl).build())
			.build();
	}

}
