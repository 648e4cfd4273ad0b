package dev.orderflow.devstack.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void helpListsEveryCommand() {
		int code = run("help");

		assertThat(code).isZero();
		assertThat(out()).contains("up -d", "up --clean", "down", "status", "logs NAME", "mail", "notification-service");
	}

	@Test
	void unknownCommandIsAUsageError() {
		int code = run("deploy");

		assertThat(code).isEqualTo(2);
		assertThat(err()).contains("Unknown command deploy", "./orderflow help");
	}

	@Test
	void statusAndDownSayNothingRunsOnAnEmptyDataDir(@TempDir Path dataDir) {
		assertThat(run("status", "--data-dir", dataDir.toString())).isEqualTo(3);
		assertThat(out()).contains("Not running");

		assertThat(run("down", "--data-dir", dataDir.toString())).isZero();
		assertThat(out()).contains("No orderflow stack is running");
	}

	@Test
	void mailSaysWhenNothingWasReceived(@TempDir Path dataDir) {
		assertThat(run("mail", "--data-dir", dataDir.toString())).isZero();
		assertThat(out()).contains("No mail received yet");
	}

	private int run(String... args) {
		return Launcher.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
