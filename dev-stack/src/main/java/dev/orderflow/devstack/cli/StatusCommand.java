package dev.orderflow.devstack.cli;

import java.util.List;
import java.util.Optional;

import picocli.CommandLine.Command;

import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.StackPorts;
import dev.orderflow.devstack.StackProcess;
import dev.orderflow.devstack.Terminal;
import dev.orderflow.devstack.Topology;
import dev.orderflow.devstack.process.HttpReadiness;
import dev.orderflow.devstack.process.PidFile;
import dev.orderflow.devstack.process.Readiness;

/**
 * {@code status}: for each process (every instance, broker and PostgreSQL of a scaled-out
 * stack) its pid, port, whether it is alive and whether it is ready (readiness probe for
 * the services, the broker answering an admin client with its whole cluster, PostgreSQL
 * accepting a connection, the SMTP greeting). Exit code 0 when every recorded process is
 * alive and ready.
 */
@Command(name = "status", description = "Show each process: pid, port, alive, ready; exit code 3 when nothing runs.")
final class StatusCommand extends StackCommand {

	private static final String ROW = "%-22s %-8s %-6s %-6s %s%n";

	StatusCommand(Terminal terminal) {
		super(terminal);
	}

	@Override
	int run() {
		StackPorts ports = StackPorts.defaults();
		Optional<Topology> recorded = Topology.recorded(context().dataDir());
		Topology topology = recorded.orElse(Topology.single());
		context().out()
			.println("orderflow stack in " + context().dataDir().root()
					+ recorded.filter((t) -> !t.isSingle()).map((t) -> " (" + t.describe() + ")").orElse(""));
		context().out().printf(ROW, "NAME", "PID", "PORT", "ALIVE", "READY");
		int recordedPids = 0;
		int healthy = 0;
		for (StackProcess process : LocalStack.recorded(context().dataDir())) {
			PidFile pidFile = LocalStack.pidFile(context().dataDir(), process);
			Optional<Long> pid = pidFile.read();
			Optional<ProcessHandle> running = pidFile.runningProcess();
			boolean ready = running.isPresent()
					&& check(LocalStack.readiness(process, ports, topology, context().dataDir()));
			recordedPids += pid.isPresent() ? 1 : 0;
			healthy += ready ? 1 : 0;
			context().out()
				.printf(ROW, process.name(), pid.map(String::valueOf).orElse("-"), ports.of(process),
						running.isPresent() ? "yes" : "no",
						running.isPresent() ? readyColumn(ready, process, ports) : "-");
		}
		if (recordedPids == 0) {
			context().out().println("Not running. Start it with ./orderflow up -d");
			return 3;
		}
		return (healthy == recordedPids) ? 0 : 1;
	}

	/**
	 * "yes", or "no" with what the service's readiness probe says is not UP (e.g. "no
	 * (kafka DOWN)").
	 */
	private static String readyColumn(boolean ready, StackProcess process, StackPorts ports) {
		if (ready || !process.component().isService()) {
			return ready ? "yes" : "no";
		}
		try {
			List<String> notReady = new HttpReadiness(ports.of(process)).notReadyComponents();
			return notReady.isEmpty() ? "no" : "no (" + String.join(", ", notReady) + ")";
		}
		catch (Exception ex) {
			return "no (not answering)";
		}
	}

	private static boolean check(Readiness readiness) {
		try {
			return readiness.isReady();
		}
		catch (Exception ex) {
			return false;
		}
		finally {
			readiness.close();
		}
	}

}
