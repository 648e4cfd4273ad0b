package dev.orderflow.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The command line of the bench.
 *
 * @param shapes the load shapes to run, each against the saga and (unless
 * {@code --no-baseline}) the raw relay
 * @param orders units measured per scenario
 * @param skus SKUs the orders spread over
 * @param warmup units sent before each scenario and not measured
 * @param timeout how long to wait for the last terminal events after the last send
 * @param baseline whether to run the raw relay too
 * @param out where the reports go
 * @param orderUrl order-service's base URL
 * @param inventoryUrl inventory-service's base URL
 * @param bootstrapServers the broker
 * @param registryUrl the schema registry
 * @param soak {@code --soak}: one long saga run at a fixed rate, sampling the stack's
 * footprint
 * @param sampleInterval how often the soak samples
 * @param dataDir the stack's data directory (pid files, database files), for the soak
 * @param notificationUrl notification-service's base URL, for the soak's samples
 * @param halfRate {@code --half-rate}: after the saga's maximum, a fixed-rate scenario at
 * half of it (saga and raw)
 * @param breakdown {@code --breakdown}: the saga once per configuration, restarting the
 * stack for each
 * @param breakdownJdk {@code --breakdown-jdk}: the other JDK's home for the breakdown's
 * JDK row, else null (no such row)
 * @param orderflow the {@code orderflow} script the breakdown starts and stops the stack
 * with
 * @param help {@code --help}
 */
public record BenchOptions(List<LoadShape> shapes, int orders, int skus, int warmup, Duration timeout, boolean baseline,
		Path out, String orderUrl, String inventoryUrl, String bootstrapServers, String registryUrl, boolean soak,
		Duration sampleInterval, Path dataDir, String notificationUrl, boolean halfRate, boolean breakdown,
		Path breakdownJdk, Path orderflow, boolean help) {

	/**
	 * These options with other shapes and counts, no baseline: one row of a breakdown.
	 */
	BenchOptions forRow(Path out) {
		return new BenchOptions(this.shapes, this.orders, this.skus, this.warmup, this.timeout, false, out,
				this.orderUrl, this.inventoryUrl, this.bootstrapServers, this.registryUrl, false, this.sampleInterval,
				this.dataDir, this.notificationUrl, false, false, null, this.orderflow, false);
	}

	/**
	 * How the bench signs in to the local broker: the client properties of the stack's
	 * super user that {@code ./orderflow up} writes to
	 * {@code config/kafka-admin.properties} of its data directory (the bench writes its
	 * own topics and reads every service's); none without that file.
	 */
	public Map<String, Object> kafkaClient() {
		Path file = this.dataDir.resolve("config").resolve("kafka-admin.properties");
		Map<String, Object> properties = new HashMap<>();
		if (Files.isRegularFile(file)) {
			Properties loaded = new Properties();
			try (Reader in = Files.newBufferedReader(file)) {
				loaded.load(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + file, ex);
			}
			loaded.stringPropertyNames().forEach((key) -> properties.put(key, loaded.getProperty(key)));
		}
		return properties;
	}

	public static final String USAGE = """
			Usage: ./orderflow bench [options]     (java -jar bench/target/bench-0.1.0-SNAPSHOT.jar [options])

			Drives the running local stack (./orderflow up -d) with orders and measures each saga from the
			POST to its OrderConfirmed/OrderRejected on the orders topic; then runs the same load through a
			raw three-hop Kafka relay on the same broker as the baseline. Reports go to target/bench/.

			Each scenario reports throughput, latency percentiles, latency over time, the CPU every
			process of the stack spent per order in the measured window (/proc, Linux only) with its
			RSS at the end, and for the saga the p50/p99 of each hop (POST -> OrderPlaced -> inventory
			answer -> final event, from the events' Kafka timestamps).

			Load (either or both; default --rate 100):
			  --rate N            fixed rate, N orders/s (open model, latency from each intended start)
			  --max               maximum throughput: a fixed number of orders in flight
			  --concurrency N     orders in flight with --max (default 64)
			  --half-rate         with --max: then a fixed rate at half the saga's maximum just
			                      measured, for the saga and the raw relay (each already warm from
			                      the maximum: a tenth of --warmup before it)

			Steady state (the figures of docs/performance.md):
			  --steady            preset: --max --half-rate --orders 10000 --warmup 5000 (options given
			                      as well win); about 9 minutes

			Options:
			  --orders N          orders measured per scenario (default 2000)
			  --skus M            SKUs the orders spread over, restocked first (default 20)
			  --warmup N          orders sent before each scenario, not measured (default 200)
			  --timeout S         seconds to wait for the last sagas to end (default 60)
			  --no-baseline       skip the raw Kafka relay
			  --out DIR           report directory (default target/bench)
			  --order-url URL     default http://127.0.0.1:8080
			  --inventory-url URL default http://127.0.0.1:8082
			  --bootstrap HOST:P  default 127.0.0.1:9092
			  --registry URL      default http://127.0.0.1:8081
			  --help              this text

			Soak (bounded over time, not part of ./mvnw verify):
			  --soak              one saga run at --rate for --orders orders, no baseline; every
			                      --sample-interval it samples each service's inbox and outbox rows
			                      (/actuator/prometheus), database files and every process's RSS, and
			                      plots them over time with a "levelled off" verdict per line. For the
			                      inbox and the databases to level off, start the stack with short
			                      retentions for the inbox and for settled orders:
			                      ORDERFLOW_INBOX_RETENTION=2m ORDERFLOW_INBOX_PURGE_INTERVAL=30s \\
			                      ORDERFLOW_SETTLED_ORDERS_RETENTION=2m \\
			                      ORDERFLOW_RETENTION_PURGE_INTERVAL=30s ./orderflow up -d --clean
			  --sample-interval S seconds between samples (default 10)
			  --data-dir DIR      the stack's data directory (default .orderflow)
			  --notification-url URL default http://127.0.0.1:8083

			Breakdown (restarts the stack: run it with nothing else using the stack's ports):
			  --breakdown         the saga alone, once per configuration, each on a fresh stack
			                      (./orderflow down; ./orderflow up -d --clean ...): full configuration,
			                      tracing off, max.poll.records 10, H2 -> PostgreSQL, other JDK; a table
			                      of throughput, p99 and CPU per order. Default load --max --orders 3000
			                      --warmup 1500 (options given win). Leaves the stack down.
			  --breakdown-jdk DIR the other JDK's home for the JDK row (the full configuration runs on
			                      the bench's own JDK); without it there is no JDK row
			  --orderflow FILE    the orderflow script (default ./orderflow)

			Examples: ./orderflow bench --rate 200 --max --orders 5000
			          ./orderflow bench --steady
			          ./orderflow bench --breakdown --breakdown-jdk /usr/lib/jvm/java-17-openjdk-amd64
			          ./orderflow bench --soak --rate 60 --orders 100000
			""";

	/**
	 * Parses the command line; options left out take their defaults.
	 * @throws IllegalArgumentException naming the option that is wrong
	 */
	public static BenchOptions parse(String... args) {
		Deque<String> queue = new ArrayDeque<>(List.of(args));
		List<LoadShape> shapes = new ArrayList<>();
		Integer rate = null;
		boolean max = false;
		int concurrency = 64;
		Integer orders = null;
		int skus = 20;
		Integer warmup = null;
		int timeout = 60;
		boolean baseline = true;
		Path out = Path.of("target", "bench");
		String orderUrl = "http://127.0.0.1:8080";
		String inventoryUrl = "http://127.0.0.1:8082";
		String bootstrap = "127.0.0.1:9092";
		String registry = "http://127.0.0.1:8081";
		boolean soak = false;
		int sampleInterval = 10;
		String home = System.getenv("ORDERFLOW_HOME");
		Path dataDir = Path.of((home != null && !home.isBlank()) ? home : ".orderflow");
		String notificationUrl = "http://127.0.0.1:8083";
		boolean halfRate = false;
		boolean steady = false;
		boolean breakdown = false;
		Path breakdownJdk = null;
		Path orderflow = Path.of("orderflow");
		boolean help = false;
		while (!queue.isEmpty()) {
			String arg = queue.poll();
			switch (arg) {
				case "--rate" -> rate = positive(arg, queue);
				case "--max" -> max = true;
				case "--concurrency" -> concurrency = positive(arg, queue);
				case "--orders" -> orders = positive(arg, queue);
				case "--skus" -> skus = positive(arg, queue);
				case "--warmup" -> warmup = nonNegative(arg, queue);
				case "--timeout" -> timeout = positive(arg, queue);
				case "--no-baseline" -> baseline = false;
				case "--out" -> out = Path.of(value(arg, queue));
				case "--order-url" -> orderUrl = value(arg, queue);
				case "--inventory-url" -> inventoryUrl = value(arg, queue);
				case "--bootstrap" -> bootstrap = value(arg, queue);
				case "--registry" -> registry = value(arg, queue);
				case "--soak" -> soak = true;
				case "--sample-interval" -> sampleInterval = positive(arg, queue);
				case "--data-dir" -> dataDir = Path.of(value(arg, queue));
				case "--notification-url" -> notificationUrl = value(arg, queue);
				case "--half-rate" -> halfRate = true;
				case "--steady" -> steady = true;
				case "--breakdown" -> breakdown = true;
				case "--breakdown-jdk" -> breakdownJdk = Path.of(value(arg, queue));
				case "--orderflow" -> orderflow = Path.of(value(arg, queue));
				case "-h", "--help" -> help = true;
				default -> throw new IllegalArgumentException("Unknown option " + arg);
			}
		}
		if (steady || breakdown) {
			max = true;
		}
		if (steady) {
			halfRate = true;
		}
		if (orders == null) {
			orders = steady ? 10_000 : breakdown ? 3000 : 2000;
		}
		if (warmup == null) {
			warmup = steady ? 5000 : breakdown ? 1500 : 200;
		}
		if (soak && (steady || breakdown)) {
			throw new IllegalArgumentException(
					"--soak is a run of its own; it cannot be combined with --steady" + " or --breakdown");
		}
		if (halfRate && !max) {
			throw new IllegalArgumentException("--half-rate needs --max: it is half the saga's maximum");
		}
		if (breakdownJdk != null && !breakdown) {
			throw new IllegalArgumentException("--breakdown-jdk goes with --breakdown");
		}
		if (soak && max) {
			throw new IllegalArgumentException("--soak runs at a steady --rate; it cannot be combined with --max");
		}
		if (soak) {
			// a soak is one steady run of the saga: the raw relay would only interrupt it
			baseline = false;
		}
		if (breakdown) {
			// one saga scenario per configuration: the raw relay does not change with
			// them
			baseline = false;
		}
		if (rate == null && !max) {
			rate = 100;
		}
		if (rate != null) {
			shapes.add(LoadShape.fixedRate(rate));
		}
		if (max) {
			shapes.add(LoadShape.maximum(concurrency));
		}
		return new BenchOptions(List.copyOf(shapes), orders, skus, warmup, Duration.ofSeconds(timeout), baseline, out,
				orderUrl, inventoryUrl, bootstrap, registry, soak, Duration.ofSeconds(sampleInterval), dataDir,
				notificationUrl, halfRate, breakdown, breakdownJdk, orderflow, help);
	}

	private static String value(String option, Deque<String> queue) {
		String value = queue.poll();
		if (value == null || value.startsWith("--")) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return value;
	}

	private static int positive(String option, Deque<String> queue) {
		int value = nonNegative(option, queue);
		if (value == 0) {
			throw new IllegalArgumentException(option + " must be at least 1");
		}
		return value;
	}

	private static int nonNegative(String option, Deque<String> queue) {
		String value = value(option, queue);
		try {
			int number = Integer.parseInt(value);
			if (number < 0) {
				throw new IllegalArgumentException(option + " must not be negative: " + value);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " needs a whole number: " + value);
		}
	}

}
