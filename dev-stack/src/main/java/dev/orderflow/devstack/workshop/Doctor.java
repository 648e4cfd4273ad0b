package dev.orderflow.devstack.workshop;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

import dev.orderflow.devstack.StackPorts;
import dev.orderflow.devstack.ports.PortCheck;

/**
 * The setup check for a room of laptops ({@code ./orderflow doctor}). Prints one OK/FAIL
 * line per requirement (Java 17+, the stack's ports free, 2 GiB free disk where the data
 * lives, 4 GiB of memory) and exits 1 when one fails, so a facilitator sees at a glance
 * who needs help.
 */
final class Doctor {

	static final int MIN_JAVA = 17;

	static final long MIN_DISK = 2L << 30;

	static final long MIN_MEMORY = 4L << 30;

	/** What the checks look at; a record so tests can describe any machine. */
	record Machine(int javaVersion, IntPredicate portFree, long diskFree, long totalMemory) {

		static Machine current(Path dataDir) {
			IntPredicate free = (port) -> PortCheck.conflicts(Map.of(port, "doctor")).isEmpty();
			return new Machine(Runtime.version().feature(), free, usableSpace(dataDir), systemMemory());
		}

		private static long usableSpace(Path dir) {
			// the data directory may not exist yet: measure the nearest existing parent
			Path existing = dir.toAbsolutePath();
			while (existing != null && !Files.exists(existing)) {
				existing = existing.getParent();
			}
			try {
				return (existing != null) ? Files.getFileStore(existing).getUsableSpace() : -1;
			}
			catch (IOException ex) {
				return -1;
			}
		}

		private static long systemMemory() {
			if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
				return os.getTotalMemorySize();
			}
			return -1;
		}

	}

	/** One line of the report. */
	record Check(boolean ok, String what, String detail) {

		@Override
		public String toString() {
			return String.format("%-4s  %-26s %s", ok ? "OK" : "FAIL", what, detail);
		}

	}

	private final PrintStream out;

	private final Path dataDir;

	Doctor(PrintStream out, Path dataDir) {
		this.out = out;
		this.dataDir = dataDir;
	}

	int run() {
		return report(checks(Machine.current(this.dataDir), this.dataDir));
	}

	int report(List<Check> checks) {
		checks.forEach(this.out::println);
		long failed = checks.stream().filter((check) -> !check.ok()).count();
		this.out.println((failed == 0) ? "All checks passed: run ./orderflow up -d"
				: failed + " check(s) failed: see docs/facilitator-guide.md#troubleshooting");
		return (failed == 0) ? 0 : 1;
	}

	static List<Check> checks(Machine machine, Path dataDir) {
		List<Check> checks = new ArrayList<>();
		checks.add(new Check(machine.javaVersion() >= MIN_JAVA, "Java " + MIN_JAVA + " or newer",
				"running Java " + machine.javaVersion()
						+ ((machine.javaVersion() >= MIN_JAVA) ? "" : ": install a JDK 17+ and set JAVA_HOME")));
		for (Map.Entry<Integer, String> port : wantedPorts().entrySet()) {
			boolean free = machine.portFree().test(port.getKey());
			checks.add(new Check(free, "port " + port.getKey() + " free", port.getValue()
					+ (free ? "" : ": in use; ./orderflow down if it is ours, else stop what listens there")));
		}
		checks.add(new Check(machine.diskFree() >= MIN_DISK, "disk >= 2 GiB free",
				gib(machine.diskFree()) + " free for " + dataDir));
		checks.add(new Check(machine.totalMemory() >= MIN_MEMORY, "memory >= 4 GiB",
				gib(machine.totalMemory()) + " in total"));
		return checks;
	}

	/** The ports of docs/design.md, by number, with who wants each. */
	static Map<Integer, String> wantedPorts() {
		StackPorts ports = StackPorts.defaults();
		Map<Integer, String> wanted = new TreeMap<>();
		wanted.put(ports.kafka(), "Kafka broker");
		wanted.put(ports.controller(), "Kafka controller");
		wanted.put(ports.orderService(), "order-service");
		wanted.put(ports.schemaRegistry(), "schema registry");
		wanted.put(ports.inventoryService(), "inventory-service");
		wanted.put(ports.notificationService(), "notification-service");
		wanted.put(ports.smtp(), "SMTP catcher");
		wanted.put(ports.authServer(), "authorization server");
		return wanted;
	}

	private static String gib(long bytes) {
		return (bytes < 0) ? "unknown" : String.format("%.1f GiB", bytes / (double) (1L << 30));
	}

}
