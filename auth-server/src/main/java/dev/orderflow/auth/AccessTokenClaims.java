package dev.orderflow.auth;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What the services read from an access token: {@code sub} (the user name, which for a
 * customer is the customer id), {@code roles} ({@code customer} or {@code operator}) and
 * {@code aud}, the API the token is for. Spring Authorization Server would put the client
 * id in {@code aud}; the services check for {@code orderflow-api} instead, so a token
 * minted for another API is refused.
 */
class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final AuthServerProperties properties;

	AccessTokenClaims(AuthServerProperties properties) {
		this.properties = properties;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			return;
		}
		List<String> roles = context.getPrincipal()
			.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith("ROLE_"))
			.map((authority) -> authority.substring("ROLE_".length()))
			.toList();
		String audience = Clients.OTHER_AUDIENCE.equals(context.getRegisteredClient().getClientId())
				? AuthServerProperties.OTHER_AUDIENCE : this.properties.audience();
		context.getClaims().audience(List.of(audience)).claim("roles", roles);
	}

}
