package dev.orderflow.devstack.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

import dev.orderflow.devstack.Terminal;

/**
 * {@code ./orderflow}: parses the command line with picocli and runs the command. Exit
 * codes: 0 done, 1 failed (the message says why), 2 the command line is wrong, 3
 * {@code status} of a stack that does not run, 130 interrupted.
 */
public final class Launcher {

	private Launcher() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** Runs one command; returns the process exit code. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		Terminal terminal = new Terminal(out, err);
		return execute(commandLine(terminal), terminal, args);
	}

	/** The whole command tree, for running and for generating the completion script. */
	static CommandLine commandLine(Terminal terminal) {
		CommandLine commandLine = new CommandLine(OrderflowCommand.class, new CommandFactory(terminal));
		CommandSpec root = commandLine.getCommandSpec();
		root.usageMessage()
			.sectionKeys(List.of("overview"))
			.sectionMap(Map.of("overview", (help) -> OrderflowCommand.OVERVIEW));
		BenchCommand.passHelpThrough(commandLine.getSubcommands().get(BenchCommand.NAME));
		return commandLine;
	}

	/**
	 * Runs {@code args} on a command line with the launcher's streams and error
	 * reporting.
	 */
	static int execute(CommandLine commandLine, Terminal terminal, String... args) {
		PrintWriter out = new PrintWriter(terminal.out(), true);
		PrintWriter err = new PrintWriter(terminal.err(), true);
		commandLine.setOut(out)
			.setErr(err)
			.setParameterExceptionHandler(new UsageErrorHandler())
			.setExecutionExceptionHandler(new FailureHandler());
		try {
			return commandLine.execute(args);
		}
		finally {
			out.flush();
			err.flush();
		}
	}

}
