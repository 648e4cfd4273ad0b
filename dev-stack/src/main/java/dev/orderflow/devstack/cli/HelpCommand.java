package dev.orderflow.devstack.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import dev.orderflow.devstack.Terminal;

/**
 * {@code ./orderflow help [COMMAND]}: the overview, or one command's usage as its
 * {@code --help} prints it. Ours rather than picocli's {@code HelpCommand}, which
 * declares a {@code -h} of its own that clashes with the {@code --help} every command
 * inherits.
 */
@Command(name = "help", description = "This overview, or the options of one command.")
final class HelpCommand implements Callable<Integer> {

	private final Terminal terminal;

	@Spec
	private CommandSpec spec;

	@Parameters(paramLabel = "COMMAND", arity = "0..1", description = "the command to explain, e.g. up")
	private String command;

	HelpCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() {
		CommandLine root = this.spec.root().commandLine();
		if (this.command == null) {
			root.usage(this.terminal.out());
			return 0;
		}
		CommandLine subcommand = root.getSubcommands().get(this.command);
		if (subcommand == null) {
			throw new ParameterException(this.spec.commandLine(), "Unknown command " + this.command + "; one of: "
					+ String.join(", ", root.getSubcommands().keySet()));
		}
		subcommand.usage(this.terminal.out());
		return 0;
	}

}
