package dev.orderflow.devstack.cli;

import java.util.List;
import java.util.Optional;

import dev.orderflow.devstack.Component;
import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.process.CommandLines;
import dev.orderflow.devstack.process.ManagedProcess;
import dev.orderflow.devstack.process.PidFile;

/**
 * {@code down}: stops a detached stack by its recorded pids, in reverse start order. A pid
 * that no longer runs our process (pids get reused) is left alone.
 */
final class DownCommand {

	private final Context context;

	DownCommand(Context context) {
		this.context = context;
	}

	int run() {
		List<Component> reversed = new java.util.ArrayList<>(List.of(Component.values()));
		java.util.Collections.reverse(reversed);
		int stopped = 0;
		boolean failed = false;
		for (Component component : reversed) {
			PidFile pidFile = LocalStack.pidFile(this.context.dataDir(), component);
			Optional<Long> pid = pidFile.read();
			if (pid.isEmpty()) {
				continue;
			}
			Optional<ProcessHandle> ours = pidFile.runningProcess();
			if (ours.isPresent()) {
				this.context.out().println("  stopping " + component.id() + " (pid " + pid.get() + ")");
				failed |= !ManagedProcess.stop(ours.get(), LocalStack.STOP_GRACE);
				stopped++;
			}
			else {
				reportStale(component, pid.get());
			}
			pidFile.delete();
		}
		this.context.out()
			.println((stopped == 0) ? "No orderflow stack is running from " + this.context.dataDir().root() + "."
					: "Stopped " + stopped + " process(es). Data kept in " + this.context.dataDir().root());
		return failed ? 1 : 0;
	}

	private void reportStale(Component component, long pid) {
		Optional<String> stranger = CommandLines.of(pid).filter((line) -> !line.isBlank());
		stranger.ifPresent((line) -> this.context.out()
			.println("  pid " + pid + " of " + component.id() + " now runs something else; leaving it alone: "
					+ abbreviate(line.trim())));
	}

	private static String abbreviate(String line) {
		return (line.length() > 120) ? line.substring(0, 120) + "..." : line;
	}

}
