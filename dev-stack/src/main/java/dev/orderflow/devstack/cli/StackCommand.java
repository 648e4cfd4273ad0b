package dev.orderflow.devstack.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Option;

import dev.orderflow.devstack.Terminal;

/**
 * A command on a stack's processes: {@code up}, {@code down}, {@code status},
 * {@code logs}, {@code kill}, {@code mail}. Each takes {@code --data-dir}, because a
 * stack is found by the pid files, logs and mail in its data directory.
 */
abstract class StackCommand implements Callable<Integer> {

	private final Terminal terminal;

	@Option(names = "--data-dir", paramLabel = "DIR",
			description = "where data, logs and pid files live (default: $ORDERFLOW_HOME, else .orderflow/ in the repository)")
	private Path dataDir;

	private Context context;

	StackCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public final Integer call() throws Exception {
		this.context = Context.of(this.dataDir, this.terminal);
		return run();
	}

	/** Runs the command once its context is known; returns the exit code. */
	abstract int run() throws Exception;

	Context context() {
		return this.context;
	}

}
