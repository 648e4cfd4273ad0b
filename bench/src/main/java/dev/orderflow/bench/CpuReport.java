package dev.orderflow.bench;

import java.util.List;

/**
 * The CPU the stack spent in one scenario's measured window (not the warm-up), from
 * {@code /proc}.
 *
 * @param measured false where there is no {@code /proc}: then {@code note} says why and
 * every figure is absent, not zero
 * @param note why nothing was measured, else null
 * @param seconds the window's length
 * @param orders units that ended in the window
 * @param processes each process: its CPU and resident set at the window's end
 * @param stackMillis CPU of the processes that make the stack, summed
 * @param stackMillisPerOrder {@code stackMillis / orders}
 */
public record CpuReport(boolean measured, String note, double seconds, int orders, List<Process> processes,
		double stackMillis, double stackMillisPerOrder) {

	static CpuReport unavailable(String note) {
		return new CpuReport(false, note, 0, 0, List.of(), 0, 0);
	}

	/**
	 * One process.
	 *
	 * @param name e.g. {@code order-service}, {@code kafka}, {@code bench}
	 * @param inStack whether it counts towards the stack total (the bench does only for
	 * the raw relay, where it is the relay)
	 * @param cpuMillis user plus system CPU in the window, with its child processes
	 * @param millisPerOrder {@code cpuMillis / orders}
	 * @param cpuPercent of one core, averaged over the window
	 * @param rssMib resident set at the window's end
	 */
	public record Process(String name, boolean inStack, double cpuMillis, double millisPerOrder, double cpuPercent,
			double rssMib) {
	}

}
