package dev.orderflow.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code --breakdown}: the saga under the same load once per configuration, each on a
 * fresh stack ({@code ./orderflow down}, then {@code ./orderflow up -d --clean} with one
 * thing changed), so a reader sees what each setting costs against the full
 * configuration. The switches are the services' own settings (environment variables),
 * {@code up --postgres} and the JDK the launcher runs on; the shipped defaults stay as
 * they are. The switches that drop a guarantee (outbox, inbox, e-mail) are fenced in the
 * services: they come with {@link #ALLOW_UNSAFE_SWITCHES}, which nothing but this class
 * sets (ADR 0020).
 */
final class Breakdown {

	private static final long UP_TIMEOUT_MINUTES = 5;

	/** {@code orderflow.bench.allow-unsafe-switches}, as an environment variable. */
	static final String ALLOW_UNSAFE_SWITCHES = "ORDERFLOW_BENCH_ALLOWUNSAFESWITCHES";

	/** The row with tracing, the outbox, the inbox and the e-mails all off. */
	static final String EVERY_GUARANTEE_OFF = "all four off";

	/**
	 * One configuration.
	 *
	 * @param name what is changed
	 * @param environment added to {@code ./orderflow up}'s (the services inherit it)
	 * @param upOptions added to {@code ./orderflow up -d --clean}
	 */
	record Configuration(String name, Map<String, String> environment, List<String> upOptions) {

		String how() {
			List<String> parts = new ArrayList<>();
			this.environment.forEach((key, value) -> parts.add(key + "=" + value));
			parts.addAll(this.upOptions);
			return parts.isEmpty() ? "shipped defaults" : String.join(" ", parts);
		}

		String slug() {
			return this.name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
		}

	}

	private final BenchOptions options;

	private final PrintStream out;

	private final Progress progress;

	Breakdown(BenchOptions options, PrintStream out, Progress progress) {
		this.options = options;
		this.out = out;
		this.progress = progress;
	}

	/**
	 * The configurations, the full one first: the JDK row only with
	 * {@code --breakdown-jdk}.
	 */
	static List<Configuration> configurations(Path otherJdk) {
		List<Configuration> rows = new ArrayList<>();
		rows.add(new Configuration("full configuration", Map.of(), List.of()));
		rows.add(new Configuration("tracing off", Map.of("TRACING_SAMPLING_PROBABILITY", "0"), List.of()));
		// the listeners apply a whole poll in one transaction: small polls, many commits
		rows.add(new Configuration("max.poll.records 10", Map.of("SPRING_KAFKA_CONSUMER_MAXPOLLRECORDS", "10"),
				List.of()));
		rows.add(new Configuration("PostgreSQL instead of H2", Map.of(), List.of("--postgres")));
		// the guarantees themselves: each switch is refused by the services unless the
		// stack also says it is a benchmark's (ADR 0020)
		rows.add(new Configuration("outbox → direct send", unsafe("ORDERFLOW_BENCH_OUTBOXDIRECTSEND"), List.of()));
		rows.add(new Configuration("inbox off", unsafe("ORDERFLOW_BENCH_INBOXOFF"), List.of()));
		rows.add(new Configuration("e-mail off", unsafe("ORDERFLOW_BENCH_EMAILOFF"), List.of()));
		// all of the above at once: what is left is the saga itself (a POST, the
		// services' own transactions, the Kafka hops between three JVMs), the floor
		// no switch can lower; it tells an architect whether a target needs another
		// design
		rows.add(new Configuration(EVERY_GUARANTEE_OFF, everyGuaranteeOff(), List.of()));
		if (otherJdk != null) {
			rows.add(new Configuration("JDK " + javaVersion(otherJdk), Map.of("JAVA_HOME", otherJdk.toString()),
					List.of()));
		}
		return rows;
	}

	/**
	 * Tracing off and every switch that drops a guarantee, in the order of their own
	 * rows.
	 */
	static Map<String, String> everyGuaranteeOff() {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("TRACING_SAMPLING_PROBABILITY", "0");
		for (String variable : List.of("ORDERFLOW_BENCH_OUTBOXDIRECTSEND", "ORDERFLOW_BENCH_INBOXOFF",
				"ORDERFLOW_BENCH_EMAILOFF")) {
			environment.put(variable, "true");
		}
		environment.put(ALLOW_UNSAFE_SWITCHES, "true");
		return environment;
	}

	/**
	 * A switch that drops a guarantee, with the setting that allows it on a benchmark
	 * stack (ADR 0020): the services refuse to start with the switch alone. In this
	 * order, the switch first, for {@link Configuration#how()}.
	 */
	static Map<String, String> unsafe(String variable) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put(variable, "true");
		environment.put(ALLOW_UNSAFE_SWITCHES, "true");
		return environment;
	}

	BenchReport run(String command) throws IOException, InterruptedException {
		String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		Path script = this.options.orderflow().toAbsolutePath();
		if (!Files.isExecutable(script)) {
			throw new IllegalStateException("--breakdown starts the stack with " + script
					+ ", which is not there: run it from the repository (./orderflow bench --breakdown)"
					+ " or name the script with --orderflow");
		}
		List<BenchReport.BreakdownRow> rows = new ArrayList<>();
		Bench.Measured full = null;
		try {
			for (Configuration configuration : configurations(this.options.breakdownJdk())) {
				this.out.printf("%n== %s (%s)%n", configuration.name(), configuration.how());
				Path dir = this.options.out().resolve("breakdown").resolve(configuration.slug());
				Files.createDirectories(dir);
				try {
					restart(script, configuration, dir.resolve("stack.log"));
					Map<String, Double> ready = StartupTimes.read(this.options.dataDir());
					Bench.Measured measured = new Bench(this.options.forRow(dir), this.out, this.progress).measure();
					if (full == null) {
						full = measured;
					}
					rows.add(new BenchReport.BreakdownRow(configuration.name(), configuration.how(), measured.results(),
							ready, null));
				}
				catch (IOException | IllegalStateException ex) {
					this.out.println("  failed: " + ex.getMessage());
					rows.add(new BenchReport.BreakdownRow(configuration.name(), configuration.how(), List.of(),
							Map.of(), ex.getMessage()));
				}
			}
		}
		finally {
			this.out.println("Stopping the stack (./orderflow down)");
			orderflow(script, List.of("down"), Map.of(), this.options.out().resolve("breakdown").resolve("down.log"));
		}
		List<ScenarioResult> scenarios = (full != null) ? full.results() : List.of();
		BenchReport report = new BenchReport(startedAt, command, Bench.machine(),
				(full != null) ? full.recordSize() : 0, (full != null) ? full.partitions() : 0, scenarios, List.of(),
				null, rows, rows.isEmpty() ? Map.of() : rows.get(0).ready());
		Bench.write(report, this.options.out(), this.out);
		return report;
	}

	private void restart(Path script, Configuration configuration, Path log) throws IOException, InterruptedException {
		orderflow(script, List.of("down"), Map.of(), log);
		List<String> up = new ArrayList<>(List.of("up", "-d", "--clean"));
		up.addAll(configuration.upOptions());
		Map<String, String> environment = new HashMap<>();
		// the full configuration runs on the bench's own JDK, whatever JAVA_HOME says
		environment.put("JAVA_HOME", System.getProperty("java.home"));
		environment.putAll(configuration.environment());
		long begin = System.nanoTime();
		int exit = orderflow(script, up, environment, log);
		if (exit != 0) {
			throw new IllegalStateException(
					"./orderflow " + String.join(" ", up) + " failed (exit " + exit + "), see " + log.toAbsolutePath());
		}
		this.out.printf("  stack up in %.0f s (log %s)%n", (System.nanoTime() - begin) / 1e9, log);
	}

	private static int orderflow(Path script, List<String> args, Map<String, String> environment, Path log)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(script.toString());
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).directory(script.getParent().toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		Process process = builder.start();
		if (!process.waitFor(UP_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
			process.destroy();
			throw new IllegalStateException("./orderflow " + String.join(" ", args) + " took longer than "
					+ UP_TIMEOUT_MINUTES + " minutes, see " + log.toAbsolutePath());
		}
		return process.exitValue();
	}

	/**
	 * {@code JAVA_VERSION} of the JDK's {@code release} file, else its directory name.
	 */
	static String javaVersion(Path jdk) {
		try {
			for (String line : Files.readAllLines(jdk.resolve("release"))) {
				if (line.startsWith("JAVA_VERSION=")) {
					return line.substring("JAVA_VERSION=".length()).replace("\"", "");
				}
			}
		}
		catch (IOException ex) {
			// no release file: the directory says enough
		}
		return jdk.getFileName().toString();
	}

}
