package dev.orderflow.systemtests;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.orderflow.devstack.StackPorts;
import dev.orderflow.authclient.DemoUser;
import dev.orderflow.authclient.TokenClient;

/**
 * Access tokens of the demo users from the stack's authorization server (127.0.0.1:9000),
 * signed in through its login form as a user would. Kept until {@link #forget} (a 401:
 * the token expired, or a new stack's authorization server signs with a new key).
 */
final class Tokens {

	private static final TokenClient CLIENT = TokenClient.onPort(StackPorts.defaults().authServer());

	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	private Tokens() {
	}

	static String customer(String customerId) {
		return TOKENS.computeIfAbsent(customerId, (id) -> CLIENT.accessToken(DemoUser.customer(id)));
	}

	static String operator() {
		return TOKENS.computeIfAbsent("operator", (id) -> CLIENT.accessToken(DemoUser.operator()));
	}

	/** Signs in again next time: the token was refused. */
	static void forget(String token) {
		TOKENS.values().remove(token);
	}

	static TokenClient client() {
		return CLIENT;
	}

}
