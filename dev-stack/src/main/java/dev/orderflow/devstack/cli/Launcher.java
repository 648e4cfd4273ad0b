package dev.orderflow.devstack.cli;

import java.io.PrintStream;

import dev.orderflow.devstack.Installation;
import dev.orderflow.devstack.process.StartupException;

/**
 * {@code ./orderflow}: parses the command line and runs the command.
 */
public final class Launcher {

	private Launcher() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** Runs one command; returns the process exit code. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (WorkshopCommands.matches(args)) {
			return WorkshopCommands.run(args, out, err);
		}
		if (BenchCommand.matches(args)) {
			return runBench(args, err);
		}
		if (TokenCommand.matches(args)) {
			return TokenCommand.run(args, out, err);
		}
		if (DeadLetterCommand.matches(args)) {
			return DeadLetterCommand.run(args, out, err);
		}
		Arguments arguments;
		try {
			arguments = ArgumentParser.parse(args);
		}
		catch (UsageException ex) {
			err.println("orderflow: " + ex.getMessage());
			err.println("Run ./orderflow help for usage.");
			return 2;
		}
		if (arguments.command() == Arguments.Command.HELP) {
			out.print(Help.TEXT);
			return 0;
		}
		try {
			Context context = Context.of(arguments, out, err);
			return switch (arguments.command()) {
				case UP -> new UpCommand(context).run(arguments);
				case DOWN -> new DownCommand(context).run();
				case STATUS -> new StatusCommand(context).run();
				case LOGS -> new LogsCommand(context).run(arguments.target().orElseThrow());
				case KILL -> new KillCommand(context).run(arguments.target().orElseThrow());
				case MAIL -> new MailCommand(context).run();
				case HELP -> 0;
			};
		}
		catch (StartupException | IllegalStateException | java.io.UncheckedIOException ex) {
			err.println("orderflow: " + ex.getMessage());
			return 1;
		}
		catch (java.io.IOException ex) {
			err.println("orderflow: " + ex);
			return 1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 130;
		}
	}

	// the bench has options of its own, so its command line skips the launcher's parser
	private static int runBench(String[] args, PrintStream err) {
		try {
			return new BenchCommand(Installation.locate(), err).run(args);
		}
		catch (IllegalStateException | java.io.IOException ex) {
			err.println("orderflow: " + ex.getMessage());
			return 1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 130;
		}
	}

}
