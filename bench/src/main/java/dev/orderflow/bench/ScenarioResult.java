package dev.orderflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The figures of one scenario, as they go into the reports; latencies in milliseconds.
 *
 * @param target {@code saga} or {@code raw}
 * @param mode {@code rate} or {@code max}
 * @param rate the offered rate per second (fixed-rate mode), else 0
 * @param concurrency units in flight at most (max mode), else 0
 * @param attempted units sent
 * @param completed units that reached their (successful) end
 * @param rejected orders that ended rejected (terminal, but not what a bench with enough
 * stock expects)
 * @param errors units that failed or never ended
 * @param errorReasons errors by reason
 * @param seconds from the first intended start to the last end
 * @param throughput terminal units per second over {@code seconds}
 * @param latency percentiles: p50, p90, p99, p99.9, max, mean
 * @param curve the percentile curve: pairs of percentile and latency
 * @param timeline latency over the scenario: per time slice, its end in seconds from the
 * first start, p50, p99 and the units that ended in it
 * @param cpu the CPU each process spent in the measured window; null until measured
 * @param hops per-hop latency of the saga from its events' Kafka timestamps (empty for
 * the raw relay)
 */
public record ScenarioResult(String target, String mode, int rate, int concurrency, int attempted, int completed,
		int rejected, int errors, Map<String, Integer> errorReasons, double seconds, double throughput,
		Map<String, Double> latency, List<double[]> curve, List<double[]> timeline, CpuReport cpu,
		List<Hops.HopReport> hops) {

	static ScenarioResult of(String target, LoadShape shape, int attempted, int completed, int rejected, int errors,
			Map<String, Integer> errorReasons, double seconds, double throughput, Histogram micros,
			List<double[]> timeline) {
		Map<String, Double> latency = new java.util.LinkedHashMap<>();
		latency.put("p50", millis(micros.getValueAtPercentile(50)));
		latency.put("p90", millis(micros.getValueAtPercentile(90)));
		latency.put("p99", millis(micros.getValueAtPercentile(99)));
		latency.put("p99.9", millis(micros.getValueAtPercentile(99.9)));
		latency.put("max", millis(micros.getMaxValue()));
		latency.put("mean", Math.round(micros.getMean()) / 1000.0);
		return new ScenarioResult(target, shape.mode().name().toLowerCase(java.util.Locale.ROOT), shape.rate(),
				shape.concurrency(), attempted, completed, rejected, errors, errorReasons, round(seconds),
				round(throughput), latency, curve(micros), timeline, null, List.of());
	}

	/** This result with the CPU of its window and, for the saga, its hops. */
	ScenarioResult with(CpuReport cpu, List<Hops.HopReport> hops) {
		return new ScenarioResult(this.target, this.mode, this.rate, this.concurrency, this.attempted, this.completed,
				this.rejected, this.errors, this.errorReasons, this.seconds, this.throughput, this.latency, this.curve,
				this.timeline, cpu, List.copyOf(hops));
	}

	/**
	 * The mode's key shared by the saga and raw scenarios of one load shape:
	 * {@code rate-200}, {@code max-64}.
	 */
	public String shapeKey() {
		return "rate".equals(this.mode) ? "rate-" + this.rate : "max-" + this.concurrency;
	}

	public double p(String percentile) {
		return this.latency.get(percentile);
	}

	private static List<double[]> curve(Histogram micros) {
		List<double[]> points = new ArrayList<>();
		if (micros.getTotalCount() == 0) {
			return points;
		}
		for (HistogramIterationValue value : micros.percentiles(5)) {
			double percentile = value.getPercentileLevelIteratedTo();
			points.add(new double[] { round(percentile), millis(value.getValueIteratedTo()) });
			if (percentile >= 100.0) {
				break;
			}
		}
		return points;
	}

	private static double millis(long micros) {
		return micros / 1000.0;
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
