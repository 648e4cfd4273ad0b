package dev.orderflow.devstack.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.StackProcess;
import dev.orderflow.devstack.Terminal;
import dev.orderflow.devstack.process.PidFile;

/**
 * {@code kill NAME}: SIGKILL one process of a running stack, as a crash would, for the fault
 * labs. Only the pid recorded in the data directory is signalled, and only while it still runs
 * our process (pids get reused). The pid file stays, as after a crash; {@code up -d} starts the
 * process again.
 */
@Command(name = "kill", description = "SIGKILL one process, as a crash would (for the fault labs); up -d restarts it.")
final class KillCommand implements Callable<Integer> {

	private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

	private final Terminal terminal;

	private Context context;

	@Mixin
	private DataDirOption dataDir;

	@Parameters(paramLabel = "NAME", converter = ComponentNames.ToProcess.class,
			completionCandidates = ComponentNames.Ids.class,
			description = "the process: a component (kafka, order-service, ...) or NAME-k for instance k (order-service-2, kafka-3)")
	private StackProcess process;

	KillCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() {
		this.context = this.dataDir.context(this.terminal);
		StackProcess name = this.process;
		PidFile pidFile = LocalStack.pidFile(this.context.dataDir(), name);
		Optional<ProcessHandle> ours = pidFile.runningProcess();
		if (ours.isEmpty()) {
			this.context.err()
				.println("orderflow: " + name + " is not running from " + this.context.dataDir().root()
						+ pidFile.read().map((pid) -> " (pid " + pid + " has exited)").orElse("")
						+ "; ./orderflow status shows what runs");
			return 1;
		}
		ProcessHandle process = ours.get();
		process.destroyForcibly();
		if (!awaitExit(process)) {
			this.context.err()
				.println("orderflow: " + name + " (pid " + process.pid() + ") did not exit within "
						+ EXIT_WAIT.toSeconds() + " s of SIGKILL");
			return 1;
		}
		this.context.out()
			.println("killed " + name + " (pid " + process.pid()
					+ ") with SIGKILL, as a crash would; ./orderflow up -d starts it again");
		return 0;
	}

	private static boolean awaitExit(ProcessHandle process) {
		try {
			process.onExit().get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException | ExecutionException ex) {
			return !process.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

}
