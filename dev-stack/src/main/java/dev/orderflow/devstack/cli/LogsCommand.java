package dev.orderflow.devstack.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import dev.orderflow.devstack.StackProcess;
import dev.orderflow.devstack.Terminal;
import dev.orderflow.devstack.process.LogTail;

/**
 * {@code logs NAME}: the last lines of one process's log, then follows it until Ctrl-C.
 */
@Command(name = "logs", description = "Follow one log until Ctrl-C.")
final class LogsCommand extends StackCommand {

	@Mixin
	private ProcessName target;

	LogsCommand(Terminal terminal) {
		super(terminal);
	}

	@Override
	int run() throws IOException, InterruptedException {
		StackProcess name = this.target.process();
		Path log = context().dataDir().log(name);
		if (!Files.isRegularFile(log)) {
			context().err().println("orderflow: no log for " + name + " yet (" + log + ")");
			return 1;
		}
		context().out().println("==> " + log + " <== (Ctrl-C to stop)");
		LogTail.follow(log, 30, context().out(), () -> true);
		return 0;
	}

}
