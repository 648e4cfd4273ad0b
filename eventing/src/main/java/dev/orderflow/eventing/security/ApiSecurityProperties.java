package dev.orderflow.eventing.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tokens a service accepts.
 *
 * @param issuerUri the {@code iss} a token must carry ({@code ORDERFLOW_ISSUER_URI})
 * @param jwkSetUri where the issuer's signing keys are read; by default
 * {@code <issuer>/oauth2/jwks} ({@code ORDERFLOW_JWK_SET_URI}: in k8s the pods reach the
 * issuer by another address than browsers)
 * @param audience the {@code aud} a token must include
 * @param clockSkew how far past its {@code exp} a token is still taken, for clocks that
 * differ a little
 */
@ConfigurationProperties("orderflow.security")
public record ApiSecurityProperties(@DefaultValue("http://127.0.0.1:9000") String issuerUri, String jwkSetUri,
		@DefaultValue("orderflow-api") String audience, @DefaultValue("5s") Duration clockSkew) {

	public String jwkSetUriOrDefault() {
		return (this.jwkSetUri != null && !this.jwkSetUri.isBlank()) ? this.jwkSetUri
				: this.issuerUri.replaceAll("/+$", "") + "/oauth2/jwks";
	}

}
