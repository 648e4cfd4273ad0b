package dev.orderflow.eventing.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Bearer tokens for module tests that call a service over real HTTP (the live stream),
 * where spring-security-test's {@code jwt()} cannot reach: signed with a key of the
 * test's own, which {@link Trusted} makes the service's decoder trust, with the service's
 * own checks of issuer, audience and expiry. The real authorization server is exercised
 * by auth-server's tests and the system tests' role matrix.
 */
public final class SignedTokens {

	private static final RSAKey KEY = generate();

	private SignedTokens() {
	}

	public static String operator() {
		return sign("operator", Caller.OPERATOR);
	}

	public static String customer(String customerId) {
		return sign(customerId, Caller.CUSTOMER);
	}

	private static String sign(String subject, String role) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("http://127.0.0.1:9000")
			.audience(List.of("orderflow-api"))
			.subject(subject)
			.claim("roles", List.of(role))
			.issueTime(java.util.Date.from(Instant.now()))
			.expirationTime(java.util.Date.from(Instant.now().plusSeconds(600)))
			.build();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(KEY));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The service's decoder, trusting the test's key instead of fetching the issuer's JWK
	 * set.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Trusted {

		@Bean
		JwtDecoder jwtDecoder(ApiSecurityProperties properties) throws JOSEException {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
			decoder.setJwtValidator(ApiSecurityAutoConfiguration.validator(properties));
			return decoder;
		}

	}

}
