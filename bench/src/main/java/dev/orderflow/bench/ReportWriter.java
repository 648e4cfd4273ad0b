package dev.orderflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link BenchReport} as {@code bench-report.json}, {@code bench-report.md} and
 * {@code bench-latency.html} (a self-contained percentile plot, inline SVG, no script;
 * with {@code --soak} also the footprint over time).
 */
final class ReportWriter {

	static final String JSON = "bench-report.json";

	static final String MARKDOWN = "bench-report.md";

	static final String HTML = "bench-latency.html";

	private final Path dir;

	ReportWriter(Path dir) {
		this.dir = dir;
	}

	List<Path> write(BenchReport report) throws IOException {
		Files.createDirectories(this.dir);
		Path json = this.dir.resolve(JSON);
		JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		Files.writeString(json, mapper.writeValueAsString(report));
		Path markdown = this.dir.resolve(MARKDOWN);
		Files.writeString(markdown, markdown(report));
		Path html = this.dir.resolve(HTML);
		Files.writeString(html, LatencyPlot.html(report));
		return List.of(json, markdown, html);
	}

	static String markdown(BenchReport report) {
		StringBuilder md = new StringBuilder();
		md.append("# orderflow bench\n\n");
		md.append("- started: ").append(report.startedAt()).append('\n');
		md.append("- command: `").append(report.command()).append("`\n");
		report.machine().forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
		md.append("- record size (OrderPlaced on the wire, used by the raw relay): ")
			.append(report.recordSizeBytes())
			.append(" bytes\n");
		md.append("- partitions: ").append(report.partitions()).append('\n');
		if (!report.ready().isEmpty()) {
			md.append("- ready after process start (s): ");
			md.append(String.join(", ", report.ready()
				.entrySet()
				.stream()
				// sorted by name: the map's own order changes from one JVM to the next
				.sorted(Map.Entry.comparingByKey())
				.map((e) -> e.getKey() + " " + String.format(Locale.ROOT, "%.1f", e.getValue()))
				.toList()));
			md.append('\n');
		}
		md.append('\n');
		md.append("## Scenarios (latency in ms)\n\n");
		md.append("| target | load | orders | done | rejected | errors | seconds | throughput/s"
				+ " | p50 | p90 | p99 | p99.9 | max |\n");
		md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (ScenarioResult s : report.scenarios()) {
			md.append(String.format(Locale.ROOT,
					"| %s | %s | %d | %d | %d | %d | %.2f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n", s.target(),
					s.shapeKey(), s.attempted(), s.completed(), s.rejected(), s.errors(), s.seconds(), s.throughput(),
					s.p("p50"), s.p("p90"), s.p("p99"), s.p("p99.9"), s.p("max")));
		}
		cpu(md, report.scenarios());
		hops(md, report.scenarios());
		breakdown(md, report.breakdown());
		if (!report.ratios().isEmpty()) {
			md.append("\n## Saga / raw relay\n\n| load | throughput | p50 | p99 |\n|---|---:|---:|---:|\n");
			for (BenchReport.Ratio r : report.ratios()) {
				md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", r.shape(), r.throughput(),
						r.p50(), r.p99()));
			}
		}
		if (report.soak() != null) {
			md.append("\n## Soak: footprint at start and end\n\n");
			md.append("Sampled every ")
				.append(trim(report.soak().sampleIntervalSeconds()))
				.append(" s. Growth is the least-squares slope over one half of the soak times the half's length;"
						+ " a line levelled off when its second half grew by less than a quarter of its first half,"
						+ " 5% of its level or its own scatter.\n\n");
			md.append("| measure | of | start | end | max | growth 1st half | growth 2nd half | verdict |\n");
			md.append("|---|---|---:|---:|---:|---:|---:|---|\n");
			for (SoakReport.Summary s : report.soak().summaries()) {
				md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", s.group(), s.name(),
						trim(s.start()), trim(s.end()), trim(s.max()), trim(s.growthFirstHalf()),
						trim(s.growthLastHalf()), s.verdict()));
			}
		}
		report.scenarios()
			.stream()
			.filter((s) -> !s.errorReasons().isEmpty())
			.forEach((s) -> md.append("\nErrors of ")
				.append(s.target())
				.append(' ')
				.append(s.shapeKey())
				.append(": ")
				.append(s.errorReasons())
				.append('\n'));
		return md.toString();
	}

	private static void cpu(StringBuilder md, List<ScenarioResult> scenarios) {
		List<ScenarioResult> measured = scenarios.stream().filter((s) -> s.cpu() != null).toList();
		if (measured.isEmpty()) {
			return;
		}
		md.append("\n## CPU per order (measured window only, from /proc)\n\n");
		List<ScenarioResult> unmeasured = measured.stream().filter((s) -> !s.cpu().measured()).toList();
		if (!unmeasured.isEmpty()) {
			md.append("Not measured: ").append(unmeasured.get(0).cpu().note()).append("\n");
		}
		if (unmeasured.size() == measured.size()) {
			return;
		}
		md.append("CPU ms per order of each process (user + system time, with its child processes) and its RSS at"
				+ " the end of the window. The stack total of the saga is every process of the stack, the bench's"
				+ " own beside it; that of the raw relay is the bench (which is the relay) and the broker.\n\n");
		md.append("| target | load | orders | stack CPU ms/order | stack CPU % of a core | process | in total"
				+ " | CPU ms/order | CPU % of a core | RSS MiB |\n");
		md.append("|---|---|---:|---:|---:|---|---|---:|---:|---:|\n");
		for (ScenarioResult s : measured) {
			CpuReport cpu = s.cpu();
			if (!cpu.measured()) {
				continue;
			}
			double stackPercent = Math.round(1000 * cpu.stackMillis() / 1000 / Math.max(cpu.seconds(), 1e-9)) / 10.0;
			boolean first = true;
			for (CpuReport.Process p : cpu.processes()) {
				md.append(first ? String.format(Locale.ROOT, "| %s | %s | %d | **%.2f** | %.0f%% ", s.target(),
						s.shapeKey(), cpu.orders(), cpu.stackMillisPerOrder(), stackPercent) : "| | | | | ");
				md.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.1f%% | %.0f |%n", p.name(),
						p.inStack() ? "yes" : "no", p.millisPerOrder(), p.cpuPercent(), p.rssMib()));
				first = false;
			}
		}
	}

	private static void hops(StringBuilder md, List<ScenarioResult> scenarios) {
		List<ScenarioResult> withHops = scenarios.stream().filter((s) -> !s.hops().isEmpty()).toList();
		if (withHops.isEmpty()) {
			return;
		}
		md.append("\n## Saga per hop (ms, from the events' Kafka timestamps)\n\n");
		md.append("| load | hop | orders | p50 | p99 | max |\n|---|---|---:|---:|---:|---:|\n");
		for (ScenarioResult s : withHops) {
			for (Hops.HopReport hop : s.hops()) {
				md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d |%n", s.shapeKey(), hop.hop(),
						hop.orders(), hop.p50(), hop.p99(), hop.max()));
			}
		}
	}

	private static void breakdown(StringBuilder md, List<BenchReport.BreakdownRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		md.append("\n## Breakdown: one thing changed at a time, each on a fresh stack\n\n");
		md.append("| configuration | how | load | throughput/s | vs full | p50 ms | p99 ms | CPU ms/order"
				+ " | slowest ready s |\n");
		md.append("|---|---|---|---:|---:|---:|---:|---:|---:|\n");
		Map<String, Double> full = new HashMap<>();
		for (BenchReport.BreakdownRow row : rows) {
			if (row.failure() != null) {
				md.append("| ")
					.append(row.name())
					.append(" | `")
					.append(row.how())
					.append("` | failed: ")
					.append(row.failure().replace('|', '/').replace('\n', ' '))
					.append(" | | | | | | |\n");
				continue;
			}
			String ready = row.ready()
				.values()
				.stream()
				.max(Double::compare)
				.map((v) -> String.format(Locale.ROOT, "%.1f", v))
				.orElse("");
			for (ScenarioResult s : row.scenarios()) {
				full.putIfAbsent(s.shapeKey(), s.throughput());
				double cpu = (s.cpu() != null && s.cpu().measured()) ? s.cpu().stackMillisPerOrder() : Double.NaN;
				md.append(String.format(Locale.ROOT, "| %s | `%s` | %s | %.1f | %.2f | %.1f | %.1f | %s | %s |%n",
						row.name(), row.how(), s.shapeKey(), s.throughput(),
						s.throughput() / Math.max(full.get(s.shapeKey()), 1e-9), s.p("p50"), s.p("p99"),
						Double.isNaN(cpu) ? "n/a" : String.format(Locale.ROOT, "%.2f", cpu), ready));
			}
		}
	}

	private static String trim(double value) {
		return (value == Math.rint(value)) ? String.format(Locale.ROOT, "%.0f", value)
				: String.format(Locale.ROOT, "%.1f", value);
	}

}
