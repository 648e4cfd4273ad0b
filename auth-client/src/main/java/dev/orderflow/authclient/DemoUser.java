package dev.orderflow.authclient;

import java.util.Map;

/**
 * A demo user of the authorization server, with the password it has on this machine: the
 * same environment variables the auth-server reads, or their local-only defaults.
 *
 * @param username {@code c-1}, {@code c-2} or {@code operator}
 * @param password its password
 */
public record DemoUser(String username, String password) {

	/** Environment variable of the customers' password, read by the auth-server too. */
	public static final String CUSTOMER_PASSWORD = "ORDERFLOW_AUTH_CUSTOMER_PASSWORD";

	/** Environment variable of the operator's password, read by the auth-server too. */
	public static final String OPERATOR_PASSWORD = "ORDERFLOW_AUTH_OPERATOR_PASSWORD";

	public static DemoUser customer(String customerId) {
		return new DemoUser(customerId, password(System.getenv(), CUSTOMER_PASSWORD, "customer-local-only"));
	}

	public static DemoUser operator() {
		return new DemoUser("operator", password(System.getenv(), OPERATOR_PASSWORD, "operator-local-only"));
	}

	@Override
	public String toString() {
		return this.username;
	}

	private static String password(Map<String, String> environment, String variable, String localDefault) {
		String password = environment.get(variable);
		return (password == null || password.isBlank()) ? localDefault : password;
	}

}
