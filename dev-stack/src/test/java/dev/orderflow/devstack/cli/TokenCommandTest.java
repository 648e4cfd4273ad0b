package dev.orderflow.devstack.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import dev.orderflow.devstack.ports.PortCheck;
import dev.orderflow.authclient.TokenClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCommandTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void saysHowToAskForAToken() {
		int status = run("token", "customer");

		assertThat(status).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains(TokenCommand.USAGE);
		assertThat(this.out.size()).isZero();
	}

	@Test
	void saysWhereTheAuthorizationServerWasLookedForWhenItDoesNotAnswer() {
		int port = PortCheck.freePort();

		int status = run(TokenClient.onPort(port), "token", "operator");

		assertThat(status).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.contains("Cannot reach the authorization server at http://127.0.0.1:" + port);
		assertThat(this.out.size()).isZero();
	}

	private int run(String... args) {
		return run(TokenClient.onPort(PortCheck.freePort()), args);
	}

	private int run(TokenClient client, String... args) {
		return TokenCommand.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8), client);
	}

}
