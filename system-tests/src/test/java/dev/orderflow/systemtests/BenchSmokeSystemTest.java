package dev.orderflow.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.orderflow.devstack.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the bench working, as a user runs it: {@code ./orderflow bench} a few seconds at
 * a low rate against the shared stack, with the raw relay baseline, and the reports it
 * writes. No timing assertions: this machine is shared. It runs on the shared stack
 * rather than on one of its own (the bench needs the design's ports, as every stack
 * here), after the classes that count the stack's orders and meters.
 */
@Order(5) // on the shared stack, after RoleMatrixSystemTest and before the labs
@ExtendWith(SharedStack.class)
class BenchSmokeSystemTest {

	private static final Path OUT = Path.of("target", "bench-smoke").toAbsolutePath();

	@Test
	void measuresTheSagaAndTheRawRelayAndWritesTheReports() throws Exception {
		LocalStack stack = SharedStack.get();
		String console = bench("--rate", "20", "--orders", "60", "--skus", "3", "--warmup", "10", "--timeout", "60",
				"--out", OUT.toString(), "--data-dir", stack.dataDir().root().toString());
		System.out.println(console);

		JsonNode report = JsonMapper.builder().build().readTree(Files.readString(OUT.resolve("bench-report.json")));
		List<JsonNode> scenarios = list(report.get("scenarios"));
		assertThat(scenarios).as(console)
			.extracting((scenario) -> scenario.get("target").asText())
			.containsExactly("saga", "raw");
		assertThat(scenarios).allSatisfy((scenario) -> {
			assertThat(scenario.get("errors").asInt())
				.as("errors of %s: %s", scenario.get("target").asText(), scenario.get("errorReasons"))
				.isZero();
			assertThat(scenario.get("completed").asInt() + scenario.get("rejected").asInt()).isEqualTo(60);
			assertThat(names(scenario.get("latency"))).contains("p50", "p90", "p99", "p99.9", "max");
			assertThat(scenario.get("curve").isEmpty()).as("latency curve").isFalse();
			assertThat(scenario.get("timeline").isEmpty()).as("latency over time").isFalse();
		});
		JsonNode saga = scenarios.get(0);
		assertThat(saga.get("rejected").asInt()).as("orders rejected although restocked").isZero();
		assertThat(list(saga.get("hops"))).extracting((hop) -> hop.get("hop").asText())
			.containsExactly("POST → OrderPlaced", "OrderPlaced → inventory answer", "answer → final event",
					"POST → final event");
		assertThat(list(saga.get("hops"))).allSatisfy((hop) -> assertThat(hop.get("orders").asInt()).isEqualTo(60));
		assertThat(names(report.get("ready"))).contains("order-service", "inventory-service", "notification-service");
		// every process of the stack, the bench beside them; the raw relay: the bench and
		// the broker
		assertThat(list(saga.at("/cpu/processes"))).extracting((process) -> process.get("name").asText())
			.contains("kafka", "order-service", "inventory-service", "notification-service", "bench");
		assertThat(saga.at("/cpu/stackMillisPerOrder").asDouble()).isPositive();
		assertThat(list(scenarios.get(1).at("/cpu/processes"))).extracting((process) -> process.get("name").asText())
			.containsExactly("bench", "kafka");
		assertThat(list(report.get("ratios"))).singleElement()
			.satisfies((ratio) -> assertThat(ratio.get("shape").asText()).isEqualTo("rate-20"));
		assertThat(report.get("recordSizeBytes").asInt()).isBetween(50, 400);

		assertThat(Files.readString(OUT.resolve("bench-report.md"))).contains("| saga | rate-20 |", "| raw | rate-20 |",
				"Saga / raw relay", "## Saga per hop");
		assertThat(Files.readString(OUT.resolve("bench-latency.html")))
			.contains("<svg", "<polyline", "saga rate-20", "Latency over time", "Where a saga spends its time")
			.doesNotContain("<script");
	}

	/** Runs {@code ./orderflow bench} in the repository; returns what it printed. */
	private static String bench(String... args) throws IOException, InterruptedException {
		Path log = Files.createTempFile("bench-smoke", ".txt");
		try {
			List<String> command = new ArrayList<>(List.of(LabDocs.REPO.resolve("orderflow").toString(), "bench"));
			command.addAll(List.of(args));
			ProcessBuilder bench = new ProcessBuilder(command).directory(LabDocs.REPO.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			int exit = BoundedCommand.run(bench, Duration.ofMinutes(3), String.join(" ", command));
			String output = Files.readString(log, StandardCharsets.UTF_8);
			assertThat(exit).as(output).isZero();
			return output;
		}
		finally {
			Files.deleteIfExists(log);
		}
	}

	private static List<JsonNode> list(JsonNode array) {
		List<JsonNode> items = new ArrayList<>();
		array.forEach(items::add);
		return items;
	}

	private static List<String> names(JsonNode object) {
		return new ArrayList<>(object.propertyNames());
	}

}
