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
 * {@code bench-latency.html} (a self-contained percentile plot, inline SVG, no script).
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

}
