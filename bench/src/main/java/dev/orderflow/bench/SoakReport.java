package dev.orderflow.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What a soak sampled, and whether each line levelled off.
 *
 * @param sampleIntervalSeconds seconds between samples
 * @param series every line sampled: points of seconds since the soak began and value
 * @param summaries start, end, maximum and verdict of each line, in the same order
 */
public record SoakReport(double sampleIntervalSeconds, List<Series> series, List<Summary> summaries) {

	static final String LEVELLED = "levelled off";

	static final String RISING = "still rising";

	static final String TOO_SHORT = "too few samples";

	static final String COUNTER = "counter";

	static final String KEPT_DATA = "kept data";

	static final String FOLLOWS_LIVE_DATA = "rising with live data only";

	/**
	 * One line over time.
	 *
	 * @param group what is measured, e.g. {@code inbox rows}
	 * @param name of which service or process
	 * @param points pairs of seconds since the soak began and value
	 */
	public record Series(String group, String name, List<double[]> points) {
	}

	/**
	 * One line in figures.
	 *
	 * @param group what is measured
	 * @param name of which service or process
	 * @param start the first value
	 * @param end the last value
	 * @param max the largest value
	 * @param growthFirstHalf how much the line grew over the first half of the soak
	 * (least-squares slope times the half's length)
	 * @param growthLastHalf the same over the second half
	 * @param verdict {@value #LEVELLED}, {@value #RISING}, {@value #TOO_SHORT},
	 * {@value #COUNTER} for a total that grows by definition, {@value #KEPT_DATA} for the
	 * tables' content (orders are kept, so it grows with them), or
	 * {@value #FOLLOWS_LIVE_DATA} for a database file that rises while the same service's
	 * file minus live data levelled off
	 */
	public record Summary(String group, String name, double start, double end, double max, double growthFirstHalf,
			double growthLastHalf, String verdict) {

		Summary withVerdict(String other) {
			return new Summary(this.group, this.name, this.start, this.end, this.max, this.growthFirstHalf,
					this.growthLastHalf, other);
		}

	}

	static SoakReport of(double sampleIntervalSeconds, List<Series> series) {
		List<Summary> summaries = new ArrayList<>();
		for (Series line : series) {
			summaries.add(summarise(line));
		}
		summaries.replaceAll((summary) -> explainedByLiveData(summary, summaries)
				? summary.withVerdict(FOLLOWS_LIVE_DATA) : summary);
		return new SoakReport(sampleIntervalSeconds, List.copyOf(series), summaries);
	}

	/**
	 * A database file grows with the orders its service keeps: that is not a leak as long
	 * as the part of the file that is not live data levels off.
	 */
	private static boolean explainedByLiveData(Summary summary, List<Summary> all) {
		return StackProbe.DB_FILES.equals(summary.group()) && RISING.equals(summary.verdict())
				&& all.stream()
					.anyMatch((other) -> StackProbe.DB_SLACK.equals(other.group())
							&& other.name().equals(summary.name()) && LEVELLED.equals(other.verdict()));
	}

	/**
	 * Levelled off when the second half of the soak grows by less than a quarter of what
	 * the first half grew (the warm-up: heap, caches, a full retention of inbox rows), or
	 * by less than 5% of its level, or by less than its own scatter (a purge's saw-tooth,
	 * garbage collections), or when it ends no higher than its first half reached: a line
	 * that keeps rising at the same pace grows as much in both halves and fails all four.
	 */
	static Summary summarise(Series line) {
		List<double[]> points = line.points();
		double start = points.isEmpty() ? 0 : points.get(0)[1];
		double end = points.isEmpty() ? 0 : points.get(points.size() - 1)[1];
		double max = points.stream().mapToDouble((p) -> p[1]).max().orElse(0);
		if (points.size() < 6) {
			return new Summary(line.group(), line.name(), start, end, max, 0, 0, TOO_SHORT);
		}
		double t0 = points.get(0)[0];
		double half = (points.get(points.size() - 1)[0] - t0) / 2;
		List<double[]> first = points.stream().filter((p) -> p[0] - t0 < half).toList();
		List<double[]> last = points.stream().filter((p) -> p[0] - t0 >= half).toList();
		double growthFirst = round(slope(first) * half);
		double growthLast = round(slope(last) * half);
		String verdict;
		if (StackProbe.PURGED.equals(line.group()) || StackProbe.SETTLED_PURGED.equals(line.group())) {
			verdict = COUNTER;
		}
		else {
			double level = Math.abs(last.stream().mapToDouble((p) -> p[1]).average().orElse(0));
			double allowed = Math.max(0.25 * Math.max(growthFirst, 0), Math.max(0.05 * level, stddev(last)));
			// a queue that empties again (the outbox between two relay rounds) can end
			// its second half on a peak: not rising as long as it ends no higher than
			// the warm-up reached
			double firstHalfMax = first.stream().mapToDouble((p) -> p[1]).max().orElse(0);
			verdict = (growthLast <= allowed || end <= firstHalfMax) ? LEVELLED : RISING;
			if (RISING.equals(verdict) && StackProbe.LIVE_DATA.equals(line.group())) {
				// the orders, reservations and notifications the service keeps: they
				// level off only with a retention for settled orders (ADR 0021)
				verdict = KEPT_DATA;
			}
		}
		return new Summary(line.group(), line.name(), start, end, max, growthFirst, growthLast, verdict);
	}

	private static double slope(List<double[]> points) {
		if (points.size() < 2) {
			return 0;
		}
		double meanT = points.stream().mapToDouble((p) -> p[0]).average().orElse(0);
		double meanV = points.stream().mapToDouble((p) -> p[1]).average().orElse(0);
		double covariance = 0;
		double variance = 0;
		for (double[] p : points) {
			covariance += (p[0] - meanT) * (p[1] - meanV);
			variance += (p[0] - meanT) * (p[0] - meanT);
		}
		return (variance == 0) ? 0 : covariance / variance;
	}

	private static double stddev(List<double[]> points) {
		double mean = points.stream().mapToDouble((p) -> p[1]).average().orElse(0);
		return Math.sqrt(points.stream().mapToDouble((p) -> (p[1] - mean) * (p[1] - mean)).average().orElse(0));
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
