package dev.orderflow.devstack.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import dev.orderflow.authclient.DemoUser;
import dev.orderflow.authclient.SignInException;
import dev.orderflow.authclient.TokenClient;
import dev.orderflow.devstack.Terminal;

/**
 * {@code ./orderflow token customer c-1} and {@code ./orderflow token operator}: signs
 * the demo user in at the authorization server ({@code $ORDERFLOW_ISSUER_URI}, else the
 * local stack's) through its login form and the code flow with PKCE, and prints the
 * access token alone, for {@code TOKEN=$(./orderflow token customer c-1)}.
 */
@Command(name = "token", description = "Sign a demo user in at the authorization server and print an access token: "
		+ "TOKEN=$(./orderflow token customer c-1)")
final class TokenCommand {

	private final Terminal terminal;

	private final TokenClient client;

	TokenCommand(Terminal terminal) {
		this(terminal, TokenClient.local());
	}

	TokenCommand(Terminal terminal, TokenClient client) {
		this.terminal = terminal;
		this.client = client;
	}

	@Command(name = "customer", description = "A customer's token, e.g. for c-1 or c-2.")
	int customer(@Parameters(paramLabel = "ID", description = "the customer id, e.g. c-1") String id) {
		return print(DemoUser.customer(id));
	}

	@Command(name = "operator", description = "The operator's token (dead letters, all orders).")
	int operator() {
		return print(DemoUser.operator());
	}

	private int print(DemoUser user) {
		try {
			this.terminal.out().println(this.client.accessToken(user));
			return 0;
		}
		catch (SignInException ex) {
			this.terminal.err().println("orderflow: " + ex.getMessage());
			return 1;
		}
	}

}
