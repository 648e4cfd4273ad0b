package dev.orderflow.devstack.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import dev.orderflow.devstack.Terminal;

/**
 * {@code ./orderflow completion}: prints the bash (and zsh) completion script picocli
 * generates from the command tree, so it never lags behind the commands:
 * {@code source <(./orderflow completion)}.
 */
@Command(name = "completion", description = "Print the bash completion script: source <(./orderflow completion)")
final class CompletionCommand implements Callable<Integer> {

	/**
	 * The name bash completes: it matches ./orderflow too, by the part after the last
	 * slash.
	 */
	static final String SCRIPT = "orderflow";

	private final Terminal terminal;

	@Spec
	private CommandSpec spec;

	CompletionCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() {
		this.terminal.out().print(AutoComplete.bash(SCRIPT, this.spec.root().commandLine()));
		return 0;
	}

}
