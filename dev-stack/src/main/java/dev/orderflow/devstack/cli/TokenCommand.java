package dev.orderflow.devstack.cli;

import java.io.PrintStream;

import dev.orderflow.authclient.DemoUser;
import dev.orderflow.authclient.SignInException;
import dev.orderflow.authclient.TokenClient;

/**
 * {@code ./orderflow token customer c-1} and {@code ./orderflow token operator}: signs the demo user in
 * at the authorization server ({@code $ORDERFLOW_ISSUER_URI}, else the local stack's) through its
 * login form and the code flow with PKCE, and prints the access token alone, for
 * {@code TOKEN=$(./orderflow token customer c-1)}.
 */
final class TokenCommand {

	static final String USAGE = "usage: ./orderflow token customer ID | ./orderflow token operator";

	private TokenCommand() {
	}

	static boolean matches(String[] args) {
		return args.length > 0 && args[0].equals("token");
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		return run(args, out, err, TokenClient.local());
	}

	static int run(String[] args, PrintStream out, PrintStream err, TokenClient client) {
		DemoUser user;
		if (args.length == 3 && args[1].equals("customer") && !args[2].isBlank()) {
			user = DemoUser.customer(args[2]);
		}
		else if (args.length == 2 && args[1].equals("operator")) {
			user = DemoUser.operator();
		}
		else {
			err.println("orderflow: " + USAGE);
			return 2;
		}
		try {
			out.println(client.accessToken(user));
			return 0;
		}
		catch (SignInException ex) {
			err.println("orderflow: " + ex.getMessage());
			return 1;
		}
	}

}
