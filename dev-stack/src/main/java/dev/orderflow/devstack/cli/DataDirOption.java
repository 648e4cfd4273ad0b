package dev.orderflow.devstack.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import dev.orderflow.devstack.Terminal;

/**
 * {@code --data-dir DIR}, which every command on a stack's processes takes: the stack is found by
 * the pid files in its data directory.
 */
final class DataDirOption {

	@Option(names = "--data-dir", paramLabel = "DIR",
			description = "where data, logs and pid files live (default: $ORDERFLOW_HOME, else .orderflow/ in the repository)")
	private Path dataDir;

	Context context(Terminal terminal) {
		return Context.of(this.dataDir, terminal);
	}

}
