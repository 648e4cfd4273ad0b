package dev.orderflow.devstack.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import dev.orderflow.devstack.StackProcess;
import dev.orderflow.devstack.Terminal;
import dev.orderflow.devstack.process.LogTail;

/**
 * {@code logs NAME}: the last lines of one process's log, then follows it until Ctrl-C.
 */
@Command(name = "logs", description = "Follow one log until Ctrl-C.")
final class LogsCommand implements Callable<Integer> {

	private final Terminal terminal;

	private Context context;

	@Mixin
	private DataDirOption dataDir;

	@Parameters(paramLabel = "NAME", converter = ComponentNames.ToProcess.class,
			completionCandidates = ComponentNames.Ids.class,
			description = "the process: a component (kafka, order-service, ...) or NAME-k for instance k (order-service-2, kafka-3)")
	private StackProcess process;

	LogsCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() throws IOException, InterruptedException {
		this.context = this.dataDir.context(this.terminal);
		StackProcess name = this.process;
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
