package dev.orderflow.devstack.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine;

import dev.orderflow.devstack.Installation;
import dev.orderflow.devstack.Terminal;
import dev.orderflow.devstack.process.JavaCommand;

/**
 * {@code bench [args]}: runs the load generator of bench/ against the running stack, in
 * the repository root (its reports go to {@code target/bench/}), passing the arguments
 * through: the options are the bench's, and so is {@code --help}.
 */
@Command(name = BenchCommand.NAME, description = "Load the running stack and compare it with a raw Kafka relay; "
		+ "./orderflow bench --help lists its options (reports in target/bench/).")
final class BenchCommand implements Callable<Integer> {

	static final String NAME = "bench";

	private static final String JAR = "bench/target/bench-0.1.0-SNAPSHOT.jar";

	private final Terminal terminal;

	@Unmatched
	private List<String> args = new ArrayList<>();

	BenchCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	/**
	 * The bench's own --help lists its options: the one every command inherits would hide
	 * it.
	 */
	static void passHelpThrough(CommandLine bench) {
		CommandSpec spec = bench.getCommandSpec();
		spec.remove(spec.findOption("--help"));
	}

	@Override
	public Integer call() throws java.io.IOException, InterruptedException {
		Installation installation = Installation.locate();
		Path jar = installation.repoRoot().resolve(JAR);
		if (!Files.isRegularFile(jar)) {
			this.terminal.err()
				.println("orderflow: the bench is not built (" + jar + "); build it with: "
						+ "./mvnw -q -B -DskipTests -pl bench -am install");
			return 1;
		}
		List<String> command = new ArrayList<>(JavaCommand.java(NAME, installation.repoRoot()));
		command.addAll(List.of("-jar", jar.toString()));
		command.addAll(this.args);
		Process bench = new ProcessBuilder(command).directory(installation.repoRoot().toFile()).inheritIO().start();
		return bench.waitFor();
	}

}
