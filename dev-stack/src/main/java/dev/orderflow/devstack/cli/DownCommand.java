package dev.orderflow.devstack.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.StackProcess;
import dev.orderflow.devstack.Terminal;
import dev.orderflow.devstack.process.CommandLines;
import dev.orderflow.devstack.process.ManagedProcess;
import dev.orderflow.devstack.process.PidFile;

/**
 * {@code down}: stops a detached stack by its recorded pids, in reverse start order: every
 * instance, every broker, PostgreSQL last. A pid that no longer runs our process (pids get
 * reused) is left alone.
 */
@Command(name = "down", description = "Stop a detached stack.")
final class DownCommand implements Callable<Integer> {

	private final Terminal terminal;

	private Context context;

	@Mixin
	private DataDirOption dataDir;

	DownCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() {
		this.context = this.dataDir.context(this.terminal);
		List<StackProcess> reversed = new ArrayList<>(LocalStack.recorded(this.context.dataDir()));
		Collections.reverse(reversed);
		int stopped = 0;
		boolean failed = false;
		// the instances of one component stop together: a cluster's last broker would wait for a quorum that has left
		for (List<StackProcess> together : LocalStack.byComponent(reversed)) {
			Map<StackProcess, ProcessHandle> ours = new LinkedHashMap<>();
			for (StackProcess name : together) {
				PidFile pidFile = LocalStack.pidFile(this.context.dataDir(), name);
				Optional<Long> pid = pidFile.read();
				Optional<ProcessHandle> running = pidFile.runningProcess();
				if (running.isPresent()) {
					this.context.out().println("  stopping " + name + " (pid " + pid.orElseThrow() + ")");
					ours.put(name, running.get());
				}
				else {
					pid.ifPresent((stale) -> reportStale(name, stale));
				}
			}
			failed |= !ManagedProcess.stopTogether(ours.values(), LocalStack.STOP_GRACE);
			stopped += ours.size();
			together.forEach((name) -> LocalStack.pidFile(this.context.dataDir(), name).delete());
		}
		this.context.out()
			.println((stopped == 0) ? "No orderflow stack is running from " + this.context.dataDir().root() + "."
					: "Stopped " + stopped + " process(es). Data kept in " + this.context.dataDir().root());
		return failed ? 1 : 0;
	}

	private void reportStale(StackProcess name, long pid) {
		Optional<String> stranger = CommandLines.of(pid).filter((line) -> !line.isBlank());
		stranger.ifPresent((line) -> this.context.out()
			.println("  pid " + pid + " of " + name + " now runs something else; leaving it alone: "
					+ abbreviate(line.trim())));
	}

	private static String abbreviate(String line) {
		return (line.length() > 120) ? line.substring(0, 120) + "..." : line;
	}

}
