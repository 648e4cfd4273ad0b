package dev.orderflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one bench run measured, with the saga/raw ratios per load shape.
 *
 * @param startedAt when the run began (ISO-8601)
 * @param command the bench's arguments
 * @param machine cores, JVM and OS of the machine
 * @param recordSizeBytes size of an OrderPlaced record on the wire, used for the raw
 * relay
 * @param partitions partitions of {@code orders} and of the raw topics
 * @param scenarios each target under each load shape
 * @param ratios saga divided by raw, per load shape
 * @param soak the stack's footprint over time ({@code --soak}), else null
 * @param breakdown the rows of {@code --breakdown}, the full configuration first; else
 * empty
 * @param ready seconds from process start to started of each Spring Boot process of the
 * stack, from its log in the data directory (empty when there is none)
 */
public record BenchReport(String startedAt, String command, Map<String, String> machine, int recordSizeBytes,
		int partitions, List<ScenarioResult> scenarios, List<Ratio> ratios, SoakReport soak,
		List<BreakdownRow> breakdown, Map<String, Double> ready) {

	/**
	 * One configuration of {@code --breakdown}: the saga on a fresh stack with one thing
	 * changed.
	 *
	 * @param name what was changed, e.g. {@code tracing off}
	 * @param how the environment or option that changed it
	 * @param scenarios the saga's scenarios in it (empty when it failed)
	 * @param ready seconds from process start to started, per service, from its log
	 * @param failure why the row has no figures, else null
	 */
	public record BreakdownRow(String name, String how, List<ScenarioResult> scenarios, Map<String, Double> ready,
			String failure) {
	}

	/**
	 * Saga over raw for one load shape: above 1 for latencies means the saga is slower;
	 * below 1 for throughput means it moves fewer orders per second.
	 *
	 * @param shape the load shape's key, e.g. {@code rate-200}
	 * @param throughput saga throughput / raw throughput
	 * @param p50 saga p50 / raw p50
	 * @param p99 saga p99 / raw p99
	 */
	public record Ratio(String shape, double throughput, double p50, double p99) {
	}

	static List<Ratio> ratios(List<ScenarioResult> scenarios) {
		List<Ratio> ratios = new ArrayList<>();
		for (ScenarioResult saga : scenarios) {
			if (!"saga".equals(saga.target())) {
				continue;
			}
			Optional<ScenarioResult> raw = scenarios.stream()
				.filter((s) -> "raw".equals(s.target()) && s.shapeKey().equals(saga.shapeKey()))
				.findFirst();
			raw.ifPresent((r) -> ratios.add(new Ratio(saga.shapeKey(), ratio(saga.throughput(), r.throughput()),
					ratio(saga.p("p50"), r.p("p50")), ratio(saga.p("p99"), r.p("p99")))));
		}
		return ratios;
	}

	private static double ratio(double saga, double raw) {
		return (raw == 0) ? 0 : Math.round(saga / raw * 100) / 100.0;
	}

}
