package dev.orderflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTest {

	@Test
	void theReportShowsCpuPerOrderNextToThroughputAndLatency() {
		CpuReport cpu = new CpuReport(true, null, 100, 10_000,
				List.of(new CpuReport.Process("bench", false, 20_000, 2, 20, 150),
						new CpuReport.Process("order-service", true, 60_000, 6, 60, 280),
						new CpuReport.Process("kafka", true, 40_000, 4, 40, 600)),
				100_000, 10);
		ScenarioResult saga = scenario("saga", "max", 0, 64, 100.0, List.of()).with(cpu, List.of());

		String markdown = ReportWriter.markdown(report(List.of(saga), List.of()));

		assertThat(markdown).contains("- ready after process start (s): order-service 3.4, schema-registry 2.1",
				"## CPU per order",
				"| saga | max-64 | 10000 | **10.00** | 100% | bench | no" + " | 2.000 | 20.0% | 150 |",
				"| | | | | | order-service | yes | 6.000 | 60.0% | 280 |");
	}

	@Test
	void theHtmlReportPlotsLatencyOverTimeAndTheSagasHops() {
		List<double[]> timeline = new ArrayList<>();
		for (int t = 1; t <= 60; t++) {
			timeline.add(new double[] { t, 100 + t, 300 + t, 120 });
		}
		List<Hops.HopReport> hops = List.of(new Hops.HopReport(Hops.POST_TO_PLACED, 100, 40, 120, 130),
				new Hops.HopReport(Hops.PLACED_TO_ANSWER, 100, 30, 90, 95),
				new Hops.HopReport(Hops.ANSWER_TO_FINAL, 100, 20, 60, 70),
				new Hops.HopReport(Hops.TOTAL, 100, 90, 250, 260));
		ScenarioResult saga = scenario("saga", "max", 0, 64, 100.0, timeline).with(null, hops);
		ScenarioResult raw = scenario("raw", "max", 0, 64, 2000.0, timeline).with(null, List.of());

		BenchReport report = report(List.of(saga, raw), List.of());
		String html = LatencyPlot.html(report);

		assertThat(html)
			.contains("<h2>Latency over time</h2>", "<h2>Where a saga spends its time</h2>",
					"POST → OrderPlaced: 40 ms", "OrderPlaced → inventory answer: 90 ms", "saga max-64")
			.doesNotContain("<script");
		// the percentile curves, then p50 and p99 over time for each scenario
		assertThat(html.split("<polyline", -1)).hasSize(2 + 4 + 1);
		assertThat(ReportWriter.markdown(report))
			.contains("| max-64 | OrderPlaced → inventory answer | 100 | 30 | 90 | 95 |");
	}

	@Test
	void theBreakdownComparesEachConfigurationWithTheFullOne() {
		CpuReport cpu = new CpuReport(true, null, 10, 3000, List.of(), 30_000, 10);
		ScenarioResult full = scenario("saga", "max", 0, 64, 100.0, List.of()).with(cpu, List.of());
		ScenarioResult tracingOff = scenario("saga", "max", 0, 64, 125.0, List.of())
			.with(new CpuReport(true, null, 10, 3000, List.of(), 24_000, 8), List.of());
		List<BenchReport.BreakdownRow> rows = List.of(
				new BenchReport.BreakdownRow("full configuration", "shipped defaults", List.of(full),
						Map.of("order-service", 3.4, "inventory-service", 2.9), null),
				new BenchReport.BreakdownRow("tracing off", "TRACING_SAMPLING_PROBABILITY=0", List.of(tracingOff),
						Map.of(), null),
				new BenchReport.BreakdownRow("PostgreSQL instead of H2", "--postgres", List.of(), Map.of(),
						"./orderflow up -d --clean --postgres failed (exit 1)"));

		String markdown = ReportWriter.markdown(report(List.of(full), rows));

		assertThat(markdown).contains("## Breakdown",
				"| full configuration | `shipped defaults` | max-64 | 100.0 | 1.00 | 40.0 | 120.0 | 10.00 | 3.4 |",
				"| tracing off | `TRACING_SAMPLING_PROBABILITY=0` | max-64 | 125.0 | 1.25 | 40.0 | 120.0 | 8.00 |  |",
				"| PostgreSQL instead of H2 | `--postgres` | failed: ./orderflow up -d --clean --postgres failed");
	}

	static ScenarioResult scenario(String target, String mode, int rate, int concurrency, double throughput,
			List<double[]> timeline) {
		return new ScenarioResult(target, mode, rate, concurrency, 100, 100, 0, 0, Map.of(), 1.0, throughput,
				Map.of("p50", 40.0, "p90", 80.0, "p99", 120.0, "p99.9", 130.0, "max", 140.0),
				List.of(new double[] { 0, 10 }, new double[] { 50, 40 }, new double[] { 99, 120 }), timeline, null,
				List.of());
	}

	static BenchReport report(List<ScenarioResult> scenarios, List<BenchReport.BreakdownRow> breakdown) {
		return new BenchReport("2026-12-02T08:00:00Z", "--steady", Map.of("cores", "2"), 132, 3, scenarios,
				BenchReport.ratios(scenarios), null, breakdown, Map.of("order-service", 3.4, "schema-registry", 2.1));
	}

}
