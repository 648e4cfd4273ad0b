package dev.orderflow.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.orderflow.devstack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the bench working: a few seconds at a low rate against the packaged stack (the
 * same processes {@code ./orderflow up} starts, on DESIGN's ports, data under
 * {@code target/}), with the raw relay baseline. No timing assertions: this machine is
 * shared.
 */
class BenchSmokeTest {

	private static LocalStack stack;

	@BeforeAll
	static void startStack() {
		stack = LocalStack.builder()
			.dataDir(Path.of("target", "bench-smoke-stack").toAbsolutePath())
			.readyTimeout(Duration.ofMinutes(3))
			.progress((line) -> System.out.println("[stack] " + line))
			.build();
		stack.dataDir().wipe();
		stack.start();
	}

	@AfterAll
	static void stopStack() {
		if (stack != null) {
			stack.stop();
		}
	}

	@Test
	void measuresTheSagaAndTheRawRelayAndWritesTheReports() throws Exception {
		Path out = Path.of("target", "bench-smoke").toAbsolutePath();
		BenchOptions options = BenchOptions.parse("--rate", "20", "--orders", "60", "--skus", "3", "--warmup", "10",
				"--timeout", "60", "--out", out.toString(), "--data-dir", stack.dataDir().root().toString());
		ByteArrayOutputStream console = new ByteArrayOutputStream();
		PrintStream print = new PrintStream(console, true, StandardCharsets.UTF_8);

		BenchReport report;
		try (Progress progress = new Progress(print, false)) {
			report = new Bench(options, print, progress).run("--rate 20 --orders 60 (smoke)");
		}
		System.out.println(console.toString(StandardCharsets.UTF_8));

		assertThat(report.scenarios()).extracting(ScenarioResult::target).containsExactly("saga", "raw");
		assertThat(report.scenarios()).allSatisfy((scenario) -> {
			assertThat(scenario.errors()).as("errors of %s: %s", scenario.target(), scenario.errorReasons()).isZero();
			assertThat(scenario.completed() + scenario.rejected()).isEqualTo(60);
			assertThat(scenario.latency()).containsKeys("p50", "p90", "p99", "p99.9", "max");
			assertThat(scenario.curve()).isNotEmpty();
		});
		assertThat(report.scenarios().get(0).rejected()).as("orders rejected although restocked").isZero();
		assertThat(report.scenarios()).allSatisfy((scenario) -> assertThat(scenario.timeline()).isNotEmpty());
		ScenarioResult saga = report.scenarios().get(0);
		assertThat(saga.hops()).extracting(Hops.HopReport::hop)
			.containsExactly(Hops.POST_TO_PLACED, Hops.PLACED_TO_ANSWER, Hops.ANSWER_TO_FINAL, Hops.TOTAL);
		assertThat(saga.hops()).allSatisfy((hop) -> assertThat(hop.orders()).isEqualTo(60));
		assertThat(report.ready()).containsKeys("order-service", "inventory-service", "notification-service");
		if (Files.isReadable(Path.of("/proc/self/stat"))) {
			// every process of the stack, the bench beside them; the raw relay: the bench
			// and
			// the broker
			assertThat(saga.cpu().processes()).extracting(CpuReport.Process::name)
				.contains("kafka", "order-service", "inventory-service", "notification-service", "bench");
			assertThat(saga.cpu().stackMillisPerOrder()).isPositive();
			assertThat(report.scenarios().get(1).cpu().processes()).extracting(CpuReport.Process::name)
				.containsExactly("bench", "kafka");
		}
		assertThat(report.ratios()).singleElement()
			.satisfies((ratio) -> assertThat(ratio.shape()).isEqualTo("rate-20"));
		assertThat(report.recordSizeBytes()).isBetween(50, 400);

		String json = Files.readString(out.resolve(ReportWriter.JSON));
		assertThat(json).contains("\"scenarios\"", "\"ratios\"", "\"throughput\"", "\"p99.9\"", "\"errors\"",
				"\"recordSizeBytes\"");
		assertThat(Files.readString(out.resolve(ReportWriter.MARKDOWN))).contains("| saga | rate-20 |",
				"| raw | rate-20 |", "Saga / raw relay", "## Saga per hop");
		assertThat(Files.readString(out.resolve(ReportWriter.HTML)))
			.contains("<svg", "<polyline", "saga rate-20", "Latency over time", "Where a saga spends its time")
			.doesNotContain("<script");
	}

}
