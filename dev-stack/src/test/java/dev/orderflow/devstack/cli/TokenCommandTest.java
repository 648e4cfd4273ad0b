package dev.orderflow.devstack.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import dev.orderflow.authclient.TokenClient;
import dev.orderflow.devstack.Terminal;
import dev.orderflow.devstack.ports.PortCheck;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCommandTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void saysHowToAskForAToken() {
		int status = run("customer");

		assertThat(status).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("Missing required parameter: 'ID'",
				"token customer --help");
		assertThat(this.out.size()).isZero();
	}

	@Test
	void saysWhereTheAuthorizationServerWasLookedForWhenItDoesNotAnswer() {
		int port = PortCheck.freePort();

		int status = run(TokenClient.onPort(port), "operator");

		assertThat(status).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.contains("Cannot reach the authorization server at http://127.0.0.1:" + port);
		assertThat(this.out.size()).isZero();
	}

	private int run(String... args) {
		return run(TokenClient.onPort(PortCheck.freePort()), args);
	}

	private int run(TokenClient client, String... args) {
		Terminal terminal = new Terminal(new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
		// the token command alone, signing in where the test says; args start after
		// "token"
		return Launcher.execute(new CommandLine(new TokenCommand(terminal, client)), terminal, args);
	}

}
