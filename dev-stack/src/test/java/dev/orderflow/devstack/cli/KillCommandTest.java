package dev.orderflow.devstack.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./orderflow kill NAME}: signals only a recorded pid that still runs our process.
 */
class KillCommandTest extends AbstractLauncherTest {

	@Test
	void saysWhenTheProcessIsNotRunning(@TempDir Path dataDir) {
		assertThat(run("kill", "inventory-service", "--data-dir", dataDir.toString())).isEqualTo(1);

		assertThat(err()).contains("inventory-service is not running from", "./orderflow status");
	}

	@Test
	void leavesAPidThatRunsSomethingElseAlone(@TempDir Path dataDir) throws Exception {
		// our own pid is alive but is not the stack's inventory-service: it must not be
		// signalled
		java.nio.file.Files.createDirectories(dataDir.resolve("run"));
		java.nio.file.Files.writeString(dataDir.resolve("run/inventory-service.pid"),
				ProcessHandle.current().pid() + "\n");

		assertThat(run("kill", "inventory-service", "--data-dir", dataDir.toString())).isEqualTo(1);
		assertThat(err()).contains("inventory-service is not running");
	}

	@Test
	void needsAKnownName() {
		assertThat(run("kill")).isEqualTo(2);
		assertThat(err()).contains("Missing required parameter: 'NAME'", "Run ./orderflow kill --help for usage.");
		assertThat(run("kill", "payment-service")).isEqualTo(2);
		assertThat(err()).contains("Unknown component payment-service");
	}

	@Test
	void helpMentionsKillAndTheRestartOfWhatIsMissing() {
		assertThat(run("help")).isZero();
		assertThat(out()).contains("kill NAME", "start only what is missing");
	}

}
