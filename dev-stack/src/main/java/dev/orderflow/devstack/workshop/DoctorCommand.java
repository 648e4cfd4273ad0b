package dev.orderflow.devstack.workshop;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.orderflow.devstack.Installation;
import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.Terminal;

/**
 * {@code ./orderflow doctor [--data-dir DIR]}: runs the {@link Doctor}'s checks for this
 * machine.
 */
@Command(name = "doctor", description = "Check this machine for the workshop: Java, free ports, disk, memory.")
public final class DoctorCommand implements Callable<Integer> {

	private final Terminal terminal;

	// the disk check measures where the stack's data will live
	@Option(names = "--data-dir", paramLabel = "DIR",
			description = "where data, logs and pid files live (default: $ORDERFLOW_HOME, else .orderflow/ in the repository)")
	private Path dataDir;

	public DoctorCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() {
		Path dir = (this.dataDir != null) ? this.dataDir : LocalStack.defaultDataDir(Installation.locate().repoRoot());
		return new Doctor(this.terminal.out(), dir).run();
	}

}
