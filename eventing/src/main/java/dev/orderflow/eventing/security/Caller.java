package dev.orderflow.eventing.security;

import java.util.List;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as the access token says: {@code sub} is the customer id (or
 * {@code operator}), {@code roles} what they may do. Controllers take it with
 * {@code @AuthenticationPrincipal Jwt}.
 *
 * @param id the token's subject
 * @param operator whether the token carries the operator role
 */
public record Caller(String id, boolean operator) {

	public static final String CUSTOMER = "customer";

	public static final String OPERATOR = "operator";

	public static Caller of(Jwt token) {
		List<String> roles = token.getClaimAsStringList("roles");
		return new Caller(token.getSubject(), roles != null && roles.contains(OPERATOR));
	}

	/**
	 * Whether this caller may see what belongs to that customer: their own, or anything
	 * for an operator.
	 */
	public boolean maySee(String customerId) {
		return this.operator || this.id.equals(customerId);
	}

}
