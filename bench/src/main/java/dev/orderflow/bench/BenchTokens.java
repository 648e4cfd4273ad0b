package dev.orderflow.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.orderflow.authclient.DemoUser;
import dev.orderflow.authclient.TokenClient;

/**
 * The bench's access tokens (ADR 0016): customer c-1 places every order, the operator
 * restocks. A token is signed in again after ten minutes, before the authorization
 * server's fifteen run out, so a soak of hours keeps going; signing in costs one login,
 * not one per order.
 */
final class BenchTokens {

	private static final Duration RENEW_AFTER = Duration.ofMinutes(10);

	/** Every order of the bench is this customer's. */
	static final String CUSTOMER = "c-1";

	private final TokenClient client;

	private final Map<String, Signed> tokens = new ConcurrentHashMap<>();

	BenchTokens(TokenClient client) {
		this.client = client;
	}

	String customer() {
		return token(DemoUser.customer(CUSTOMER));
	}

	String operator() {
		return token(DemoUser.operator());
	}

	private String token(DemoUser user) {
		return this.tokens.compute(user.username(), (name, signed) -> (signed == null || signed.isOld())
				? new Signed(this.client.accessToken(user), System.nanoTime()) : signed)
			.token();
	}

	private record Signed(String token, long at) {

		boolean isOld() {
			return System.nanoTime() - this.at > RENEW_AFTER.toNanos();
		}

	}

}
