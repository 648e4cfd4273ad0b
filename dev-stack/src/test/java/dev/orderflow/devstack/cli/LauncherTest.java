package dev.orderflow.devstack.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherTest extends AbstractLauncherTest {

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

}
