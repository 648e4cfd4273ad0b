package dev.orderflow.devstack.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.orderflow.devstack.StackProcess;
import dev.orderflow.devstack.process.LogTail;

/**
 * {@code logs NAME}: the last lines of one process's log, then follows it until Ctrl-C.
 */
final class LogsCommand {

	private final Context context;

	LogsCommand(Context context) {
		this.context = context;
	}

	int run(StackProcess name) throws IOException, InterruptedException {
		Path log = this.context.dataDir().log(name);
		if (!Files.isRegularFile(log)) {
			this.context.err().println("orderflow: no log for " + name + " yet (" + log + ")");
			return 1;
		}
		this.context.out().println("==> " + log + " <== (Ctrl-C to stop)");
		LogTail.follow(log, 30, this.context.out(), () -> true);
		return 0;
	}

}
