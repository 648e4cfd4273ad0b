package dev.orderflow.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the authorization server issues and to whom.
 *
 * @param issuer the {@code iss} of every token, and where the services find the JWK set
 * @param audience the {@code aud} of every token: the services accept no other
 * @param consoleRedirectUri where the web console receives its authorization code
 * @param consoleOrigin the console's origin, allowed to call the token endpoint from the
 * browser
 * @param cliRedirectUri the CLI's loopback redirect; the CLI reads the code from the
 * redirect and never opens it
 * @param customerPassword the password of the demo customers c-1 and c-2 (a local-only
 * default)
 * @param operatorPassword the password of the demo operator (a local-only default)
 * @param accessTokenTtl how long an access token is valid
 * @param testClients whether to register the two clients the role-matrix test uses to
 * obtain an expired token and a token for another audience; never on outside a test stack
 */
@ConfigurationProperties("orderflow.auth")
public record AuthServerProperties(@DefaultValue("http://127.0.0.1:9000") String issuer,
		@DefaultValue("orderflow-api") String audience,
		@DefaultValue("http://127.0.0.1:8083/") String consoleRedirectUri,
		@DefaultValue("http://127.0.0.1:8083") String consoleOrigin,
		@DefaultValue("http://127.0.0.1/orderflow-cli/callback") String cliRedirectUri,
		@DefaultValue("customer-local-only") String customerPassword,
		@DefaultValue("operator-local-only") String operatorPassword, @DefaultValue("15m") Duration accessTokenTtl,
		@DefaultValue("false") boolean testClients) {

	/** The audience the role-matrix test's second client gets in its tokens: not ours. */
	public static final String OTHER_AUDIENCE = "another-api";

}
