package dev.orderflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures the CPU the processes of the stack use during one measured window: their
 * {@code /proc} ticks at its start and at its end. Processes named in {@code stack} make
 * the stack total; the others (the bench itself, during the saga) are reported beside it.
 */
final class CpuMeter {

	/** The bench's own process, named in the report. */
	static final String BENCH = "bench";

	private final ProcessCpu cpu;

	private final Map<String, Long> pids;

	private final Set<String> stack;

	private final Map<String, Map<Long, Long>> atStart = new LinkedHashMap<>();

	private long startNanos;

	/**
	 * @param pids every process to measure, by name
	 * @param stack the names that count towards the stack total
	 */
	CpuMeter(ProcessCpu cpu, Map<String, Long> pids, Set<String> stack) {
		this.cpu = cpu;
		this.pids = Map.copyOf(pids);
		this.stack = Set.copyOf(stack);
	}

	/** The window begins now. */
	CpuMeter start() {
		this.startNanos = System.nanoTime();
		if (this.cpu.available()) {
			this.pids.forEach((name, pid) -> this.atStart.put(name, this.cpu.treeTicks(pid)));
		}
		return this;
	}

	/** The window ends now; {@code orders}: the units that ended in it. */
	CpuReport stop(int orders) {
		double seconds = (System.nanoTime() - this.startNanos) / 1e9;
		if (!this.cpu.available()) {
			return CpuReport.unavailable("no /proc on this OS (" + System.getProperty("os.name")
					+ "): CPU per order is measured on Linux only");
		}
		Map<String, Map<Long, Long>> atEnd = new LinkedHashMap<>();
		this.pids.forEach((name, pid) -> atEnd.put(name, this.cpu.treeTicks(pid)));
		return report(this.atStart, atEnd, seconds, orders);
	}

	/** The report from the ticks at the start and at the end of a window. */
	CpuReport report(Map<String, Map<Long, Long>> start, Map<String, Map<Long, Long>> end, double seconds, int orders) {
		List<CpuReport.Process> processes = new ArrayList<>();
		double stackMillis = 0;
		for (String name : this.pids.keySet().stream().sorted().toList()) {
			Map<Long, Long> before = start.getOrDefault(name, Map.of());
			Map<Long, Long> after = end.getOrDefault(name, Map.of());
			if (after.isEmpty()) {
				// not running at the end of the window (a stale pid file): nothing to say
				continue;
			}
			long ticks = 0;
			for (Map.Entry<Long, Long> process : after.entrySet()) {
				// a child started during the window counts from zero
				ticks += Math.max(0, process.getValue() - before.getOrDefault(process.getKey(), 0L));
			}
			double millis = this.cpu.millis(ticks);
			boolean inStack = this.stack.contains(name);
			if (inStack) {
				stackMillis += millis;
			}
			double rss = this.cpu.rssBytes(this.pids.get(name)).orElse(0) / (1024.0 * 1024.0);
			processes.add(new CpuReport.Process(name, inStack, round(millis), perOrder(millis, orders),
					round(100 * millis / 1000 / Math.max(seconds, 1e-9)), round(rss)));
		}
		return new CpuReport(true, null, round(seconds), orders, processes, round(stackMillis),
				perOrder(stackMillis, orders));
	}

	private static double perOrder(double millis, int orders) {
		return (orders == 0) ? 0 : Math.round(millis / orders * 1000) / 1000.0;
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
