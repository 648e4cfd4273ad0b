package dev.orderflow.devstack.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.orderflow.devstack.Installation;
import dev.orderflow.devstack.process.JavaCommand;

/**
 * {@code bench [args]}: runs the load generator of bench/ against the running stack, in the
 * repository root (its reports go to {@code target/bench/}), passing the arguments through.
 */
final class BenchCommand {

	static final String NAME = "bench";

	private static final String JAR = "bench/target/bench-0.1.0-SNAPSHOT.jar";

	private final Installation installation;

	private final PrintStream err;

	BenchCommand(Installation installation, PrintStream err) {
		this.installation = installation;
		this.err = err;
	}

	/** Whether the command line is {@code bench ...}: its options are the bench's, not the launcher's. */
	static boolean matches(String[] args) {
		return args.length > 0 && NAME.equals(args[0]);
	}

	int run(String[] args) throws java.io.IOException, InterruptedException {
		Path jar = this.installation.repoRoot().resolve(JAR);
		if (!Files.isRegularFile(jar)) {
			this.err.println("orderflow: the bench is not built (" + jar + "); build it with: "
					+ "./mvnw -q -B -DskipTests -pl bench -am install");
			return 1;
		}
		List<String> command = new ArrayList<>(JavaCommand.java(NAME, this.installation.repoRoot()));
		command.addAll(List.of("-jar", jar.toString()));
		command.addAll(Arrays.asList(args).subList(1, args.length));
		Process bench = new ProcessBuilder(command).directory(this.installation.repoRoot().toFile())
			.inheritIO()
			.start();
		return bench.waitFor();
	}

}
