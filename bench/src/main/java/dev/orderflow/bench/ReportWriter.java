package dev.orderflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

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
		md.append("- partitions: ").append(report.partitions()).append("\n\n");
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

	private static String trim(double value) {
		return (value == Math.rint(value)) ? String.format(Locale.ROOT, "%.0f", value)
				: String.format(Locale.ROOT, "%.1f", value);
	}

}
