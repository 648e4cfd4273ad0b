package dev.orderflow.devstack.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.StackProcess;
import dev.orderflow.devstack.Terminal;
import dev.orderflow.devstack.process.PidFile;

/**
 * {@code kill NAME}: SIGKILL one process of a running stack, as a crash would, for the
 * fault labs. Only the pid recorded in the data directory is signalled, and only while it
 * still runs our process (pids get reused). The pid file stays, as after a crash;
 * {@code up -d} starts the process again.
 */
@Command(name = "kill", description = "SIGKILL one process, as a crash would (for the fault labs); up -d restarts it.")
final class KillCommand extends StackCommand {

	private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

	@Mixin
	private ProcessName target;

	KillCommand(Terminal terminal) {
		super(terminal);
	}

	@Override
	int run() {
		StackProcess name = this.target.process();
		PidFile pidFile = LocalStack.pidFile(context().dataDir(), name);
		Optional<ProcessHandle> ours = pidFile.runningProcess();
		if (ours.isEmpty()) {
			context().err()
				.println("orderflow: " + name + " is not running from " + context().dataDir().root()
						+ pidFile.read().map((pid) -> " (pid " + pid + " has exited)").orElse("")
						+ "; ./orderflow status shows what runs");
			return 1;
		}
		ProcessHandle process = ours.get();
		process.destroyForcibly();
		if (!awaitExit(process)) {
			context().err()
				.println("orderflow: " + name + " (pid " + process.pid() + ") did not exit within "
						+ EXIT_WAIT.toSeconds() + " s of SIGKILL");
			return 1;
		}
		context().out()
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
