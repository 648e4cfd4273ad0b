package dev.orderflow.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Latency over the time of one scenario: the units that ended, in at most
 * {@value #SLICES} slices of whole seconds, each with its p50 and p99, so a reader sees
 * whether the latency settled or kept growing (a queue).
 */
final class Timeline {

	static final int SLICES = 120;

	private Timeline() {
	}

	/**
	 * @param ends per unit: nanoseconds from the first start to its end, and its latency
	 * in microseconds
	 * @return per slice: its end in seconds, p50 and p99 in milliseconds, units
	 */
	static List<double[]> of(List<long[]> ends) {
		List<double[]> slices = new ArrayList<>();
		if (ends.isEmpty()) {
			return slices;
		}
		List<long[]> sorted = new ArrayList<>(ends);
		sorted.sort(Comparator.comparingLong((long[] e) -> e[0]));
		double lastSecond = sorted.get(sorted.size() - 1)[0] / 1e9;
		double width = Math.max(1, Math.ceil(lastSecond / SLICES));
		int from = 0;
		for (double sliceEnd = width; from < sorted.size(); sliceEnd += width) {
			int to = from;
			while (to < sorted.size() && sorted.get(to)[0] / 1e9 < sliceEnd) {
				to++;
			}
			if (to > from) {
				long[] micros = sorted.subList(from, to).stream().mapToLong((e) -> e[1]).sorted().toArray();
				slices.add(new double[] { sliceEnd, percentile(micros, 50), percentile(micros, 99), to - from });
			}
			from = to;
		}
		return slices;
	}

	/** Nearest rank, in milliseconds. */
	private static double percentile(long[] sortedMicros, double percentile) {
		int rank = (int) Math.ceil(percentile / 100 * sortedMicros.length);
		return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, rank - 1))] / 1000.0;
	}

}
