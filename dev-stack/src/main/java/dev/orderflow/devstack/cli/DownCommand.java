package dev.orderflow.devstack.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Command;

import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.StackProcess;
import dev.orderflow.devstack.Terminal;
import dev.orderflow.devstack.process.CommandLines;
import dev.orderflow.devstack.process.ManagedProcess;
import dev.orderflow.devstack.process.PidFile;

/**
 * {@code down}: stops a detached stack by its recorded pids, in reverse start order:
 * every instance, every broker, PostgreSQL last. A pid that no longer runs our process
 * (pids get reused) is left alone.
 */
@Command(name = "down", description = "Stop a detached stack.")
final class DownCommand extends StackCommand {

	DownCommand(Terminal terminal) {
		super(terminal);
	}

	@Override
	int run() {
		int stopped = 0;
		boolean failed = false;
		// the services first, then what they use; each wave together
		for (List<StackProcess> together : LocalStack.stopWaves(LocalStack.recorded(context().dataDir()))) {
			Map<StackProcess, ProcessHandle> ours = new LinkedHashMap<>();
			for (StackProcess name : together) {
				PidFile pidFile = LocalStack.pidFile(context().dataDir(), name);
				Optional<Long> pid = pidFile.read();
				Optional<ProcessHandle> running = pidFile.runningProcess();
				if (running.isPresent()) {
					context().out().println("  stopping " + name + " (pid " + pid.orElseThrow() + ")");
					ours.put(name, running.get());
				}
				else {
					pid.ifPresent((stale) -> reportStale(name, stale));
				}
			}
			failed |= !ManagedProcess.stopTogether(ours.values(), LocalStack.STOP_GRACE);
			stopped += ours.size();
			together.forEach((name) -> LocalStack.pidFile(context().dataDir(), name).delete());
		}
		context().out()
			.println((stopped == 0) ? "No orderflow stack is running from " + context().dataDir().root() + "."
					: "Stopped " + stopped + " process(es). Data kept in " + context().dataDir().root());
		return failed ? 1 : 0;
	}

	private void reportStale(StackProcess name, long pid) {
		Optional<String> stranger = CommandLines.of(pid).filter((line) -> !line.isBlank());
		stranger.ifPresent((line) -> context().out()
			.println("  pid " + pid + " of " + name + " now runs something else; leaving it alone: "
					+ abbreviate(line.trim())));
	}

	private static String abbreviate(String line) {
		return (line.length() > 120) ? line.substring(0, 120) + "..." : line;
	}

}
