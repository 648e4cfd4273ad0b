package dev.orderflow.devstack.cli;

import java.util.List;
import java.util.Optional;

import dev.orderflow.devstack.Component;
import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.StackPorts;
import dev.orderflow.devstack.kafka.BrokerReadiness;
import dev.orderflow.devstack.process.HttpReadiness;
import dev.orderflow.devstack.process.Readiness;
import dev.orderflow.devstack.process.SocketReadiness;

/**
 * {@code status}: for each process its pid, port, whether it is alive and whether it is
 * ready (readiness probe for the services, the broker answering an admin client, the SMTP
 * greeting). Exit code 0 when every recorded process is alive and ready.
 */
final class StatusCommand {

	private static final String ROW = "%-21s %-8s %-6s %-6s %s%n";

	private final Context context;

	StatusCommand(Context context) {
		this.context = context;
	}

	int run() {
		StackPorts ports = StackPorts.defaults();
		this.context.out().println("orderflow stack in " + this.context.dataDir().root());
		this.context.out().printf(ROW, "NAME", "PID", "PORT", "ALIVE", "READY");
		int recorded = 0;
		int healthy = 0;
		for (Component component : Component.values()) {
			Optional<Long> pid = LocalStack.pidFile(this.context.dataDir(), component).read();
			Optional<ProcessHandle> running = LocalStack.pidFile(this.context.dataDir(), component).runningProcess();
			boolean ready = running.isPresent() && check(readiness(component, ports));
			recorded += pid.isPresent() ? 1 : 0;
			healthy += ready ? 1 : 0;
			this.context.out()
				.printf(ROW, component.id(), pid.map(String::valueOf).orElse("-"), ports.of(component),
						running.isPresent() ? "yes" : "no", running.isPresent() ? readyColumn(ready, component, ports) : "-");
		}
		if (recorded == 0) {
			this.context.out().println("Not running. Start it with ./orderflow up -d");
			return 3;
		}
		return (healthy == recorded) ? 0 : 1;
	}

	/** "yes", or "no" with what the service's readiness probe says is not UP (e.g. "no (kafka DOWN)"). */
	private static String readyColumn(boolean ready, Component component, StackPorts ports) {
		if (ready || !component.isService()) {
			return ready ? "yes" : "no";
		}
		try {
			List<String> notReady = new HttpReadiness(ports.of(component)).notReadyComponents();
			return notReady.isEmpty() ? "no" : "no (" + String.join(", ", notReady) + ")";
		}
		catch (Exception ex) {
			return "no (not answering)";
		}
	}

	private static Readiness readiness(Component component, StackPorts ports) {
		return switch (component) {
			case KAFKA -> new BrokerReadiness(ports.bootstrapServers());
			case SMTP -> new SocketReadiness(ports.smtp(), "220");
			default -> new HttpReadiness(ports.of(component));
		};
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
