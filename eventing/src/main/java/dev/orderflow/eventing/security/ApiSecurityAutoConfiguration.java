package dev.orderflow.eventing.security;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Makes a service an OAuth2 resource server: a JWT signed by the configured issuer, for
 * the orderflow API ({@code aud}), not expired, or 401 with {@code WWW-Authenticate}. The
 * JWK set is read on the first token, so a service starts before its issuer does. No
 * sessions and no CSRF token: every request carries its bearer token, and no cookie
 * authenticates anything.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, JwtDecoder.class })
@EnableWebSecurity
@EnableConfigurationProperties(ApiSecurityProperties.class)
public class ApiSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(ApiSecurityProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUriOrDefault()).build();
		decoder.setJwtValidator(validator(properties));
		return decoder;
	}

	static OAuth2TokenValidator<Jwt> validator(ApiSecurityProperties properties) {
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
				(aud) -> aud != null && aud.contains(properties.audience()));
		return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(properties.clockSkew()),
				new JwtIssuerValidator(properties.issuerUri()), named(audience, "not for " + properties.audience()));
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<ApiRules> serviceRules,
			ObjectProvider<BearerTokenResolver> tokenResolver) throws Exception {
		ProblemResponses problems = new ProblemResponses();
		http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> {
				// probes, and the error page a refused request may be forwarded to
				requests.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll();
				// metrics and build info: no token, Prometheus has none; k8s/
				// NetworkPolicies decide who reaches them
				requests.requestMatchers("/actuator/prometheus", "/actuator/info").permitAll();
				// the API descriptions (OpenAPI, AsyncAPI): public, as a published
				// contract is
				requests
					.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
							"/asyncapi.yaml")
					.permitAll();
				requests.requestMatchers("/api/dead-letters", "/api/dead-letters/**").hasRole(Caller.OPERATOR);
				serviceRules.orderedStream().forEach((rules) -> rules.authorize(requests));
				requests.anyRequest().denyAll();
			})
			.oauth2ResourceServer((server) -> {
				server.jwt((jwt) -> jwt.jwtAuthenticationConverter(rolesAsAuthorities()))
					.authenticationEntryPoint(problems)
					.accessDeniedHandler(problems);
				server.bearerTokenResolver(tokenResolver.getIfAvailable(DefaultBearerTokenResolver::new));
			})
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	@Bean
	@ConditionalOnMissingBean
	RequestRejectedHandler requestRejectedHandler() {
		return new ProblemResponses();
	}

	/**
	 * {@code roles: [operator]} becomes ROLE_operator, for {@code hasRole("operator")}.
	 */
	static JwtAuthenticationConverter rolesAsAuthorities() {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName("roles");
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(roles);
		return converter;
	}

	private static OAuth2TokenValidator<Jwt> named(OAuth2TokenValidator<Jwt> validator, String description) {
		return (jwt) -> validator.validate(jwt).hasErrors()
				? OAuth2TokenValidatorResult
					.failure(new OAuth2Error("invalid_token", "The token is " + description, null))
				: OAuth2TokenValidatorResult.success();
	}

}
