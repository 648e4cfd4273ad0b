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
		assertThat(out()).contains("up -d", "up --clean", "down", "status", "logs NAME", "mail",
				"notification-service");
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

	@Test
	void everyCommandExplainsItsOptionsWithHelp() {
		assertThat(run("up", "--help")).isZero();
		assertThat(out()).contains("Usage: ./orderflow up", "-d, --detach", "--only=COMPONENT", "--instances=N",
				"--data-dir=DIR");

		assertThat(run("help", "kill")).isZero();
		assertThat(out()).contains("Usage: ./orderflow kill", "NAME", "order-service-2");
	}

	@Test
	void aMistypedCommandGetsTheClosestOneSuggested() {
		assertThat(run("stauts")).isEqualTo(2);

		assertThat(err()).contains("Unknown command stauts", "Did you mean: ./orderflow status");
	}

	@Test
	void aMistypedOptionGetsTheClosestOneSuggested() {
		assertThat(run("up", "--detatch")).isEqualTo(2);

		assertThat(err()).contains("Unknown option: '--detatch'", "Possible solutions: --detach",
				"Run ./orderflow up --help for usage.");
	}

	@Test
	void aCommandWithSubcommandsNamesThemWhenNoneIsGiven() {
		assertThat(run("token")).isEqualTo(2);

		assertThat(err()).contains("Missing required subcommand, one of: customer, operator");
	}

	@Test
	void completionPrintsABashScriptThatKnowsTheCommandsAndTheirOptions() {
		assertThat(run("completion")).isZero();

		assertThat(out()).startsWith("#!/usr/bin/env bash")
			.contains("complete -F _complete_orderflow")
			.contains("up", "down", "status", "logs", "dlt", "lab", "--detach", "--only", "order-service");
	}

	@Test
	void doctorAndLabRunThroughTheLauncher(@TempDir Path dataDir) {
		assertThat(run("doctor", "--data-dir", dataDir.toString())).isIn(0, 1);
		assertThat(out()).contains("Java 17 or newer", "disk >= 2 GiB free");

		assertThat(run("lab", "check", "10")).isEqualTo(2);
		assertThat(err()).contains("no lab 10; labs are 1..9");
	}

}
