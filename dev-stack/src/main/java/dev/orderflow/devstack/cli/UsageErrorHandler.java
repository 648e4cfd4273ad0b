package dev.orderflow.devstack.cli;

import java.io.PrintWriter;

import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * A command line that cannot be understood: says what is wrong, the closest command or
 * option when it looks like a typo, and where the usage is; exit code 2, as before
 * picocli.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

	static final int USAGE = 2;

	@Override
	public int handleParseException(ParameterException ex, String[] args) {
		CommandLine commandLine = ex.getCommandLine();
		PrintWriter err = commandLine.getErr();
		err.println("orderflow: " + problem(ex));
		UnmatchedArgumentException.printSuggestions(ex, err);
		err.println("Run " + helpFor(commandLine.getCommandSpec()) + " for usage.");
		return USAGE;
	}

	/**
	 * "Unknown command deploy" reads better than picocli's "Unmatched argument at index
	 * 0: 'deploy'".
	 */
	private static String problem(ParameterException ex) {
		if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.isUnknownOption()
				&& !ex.getCommandLine().getSubcommands().isEmpty() && !unmatched.getUnmatched().isEmpty()) {
			return "Unknown command " + unmatched.getUnmatched().get(0);
		}
		if (ex.getMessage().startsWith("Missing required subcommand")) {
			return "Missing required subcommand, one of: "
					+ String.join(", ", ex.getCommandLine().getSubcommands().keySet());
		}
		return ex.getMessage();
	}

	private static String helpFor(CommandSpec command) {
		return command.subcommands().containsKey("help") ? command.qualifiedName() + " help"
				: command.qualifiedName() + " --help";
	}

}
