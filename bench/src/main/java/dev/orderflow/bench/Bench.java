package dev.orderflow.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One bench run: for each load shape, the saga and then the raw relay on the same broker,
 * each after a warm-up that is not measured; then the reports.
 */
public final class Bench {

	private final BenchOptions options;

	private final PrintStream out;

	private final Progress progress;

	public Bench(BenchOptions options, PrintStream out, Progress progress) {
		this.options = options;
		this.out = out;
		this.progress = progress;
	}

	/** Runs every scenario and writes the reports; returns the report. */
	public BenchReport run(String command) throws IOException, InterruptedException {
		String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		int partitions = BenchTopics.prepare(this.options.bootstrapServers(), this.options.kafkaClient());
		int recordSize = RecordSize.ofBenchOrderPlaced();
		LoadDriver driver = new LoadDriver(this.progress, this.options.timeout());
		List<ScenarioResult> results = new ArrayList<>();
		SoakReport soak = null;
		try (SagaTarget saga = new SagaTarget(this.options)) {
			long total = (long) (this.options.orders() + this.options.warmup()) * this.options.shapes().size();
			saga.restock(this.options.inventoryUrl(), total);
			this.out.printf("Restocked %d SKUs for %d orders; OrderPlaced is %d bytes on the wire; %d partitions%n",
					this.options.skus(), total, recordSize, partitions);
			if (this.options.soak()) {
				soak = soak(driver, saga, results);
			}
			else {
				for (LoadShape shape : this.options.shapes()) {
					results.add(scenario(driver, saga, shape));
				}
			}
		}
		if (this.options.baseline()) {
			try (RawRelay raw = new RawRelay(this.options.bootstrapServers(), this.options.kafkaClient(), recordSize)) {
				for (LoadShape shape : this.options.shapes()) {
					results.add(scenario(driver, raw, shape));
				}
			}
		}
		BenchReport report = new BenchReport(startedAt, command, machine(), recordSize, partitions, results,
				BenchReport.ratios(results), soak);
		List<Path> files = new ReportWriter(this.options.out()).write(report);
		this.out.println();
		this.out.print(ReportWriter.markdown(report));
		this.out.println();
		files.forEach((file) -> this.out.println("Wrote " + file.toAbsolutePath().normalize()));
		return report;
	}

	/**
	 * The one long saga run of {@code --soak}, sampled from before its warm-up to its
	 * end, so the plot shows the warm-up and what follows it.
	 */
	private SoakReport soak(LoadDriver driver, SagaTarget saga, List<ScenarioResult> results)
			throws InterruptedException {
		Map<String, String> services = new LinkedHashMap<>();
		services.put("order-service", this.options.orderUrl());
		services.put("inventory-service", this.options.inventoryUrl());
		services.put("notification-service", this.options.notificationUrl());
		StackProbe probe = new StackProbe(this.options.dataDir(), services);
		this.out.printf(
				"Soak: %d orders at %s, sampling every %d s (data dir %s). The inbox levels off only if the"
						+ " stack was started with a short retention, e.g.%n  ORDERFLOW_INBOX_RETENTION=2m"
						+ " ORDERFLOW_INBOX_PURGE_INTERVAL=30s ./orderflow up -d --clean%n",
				this.options.orders(), this.options.shapes().get(0).describe(),
				this.options.sampleInterval().toSeconds(), this.options.dataDir().toAbsolutePath().normalize());
		try (SoakSampler sampler = new SoakSampler(probe, this.options.sampleInterval())) {
			sampler.start();
			results.add(scenario(driver, saga, this.options.shapes().get(0)));
			return sampler.stop();
		}
	}

	private ScenarioResult scenario(LoadDriver driver, Target target, LoadShape shape) throws InterruptedException {
		if (this.options.warmup() > 0) {
			Measurement warmup = driver.drive(target, shape, this.options.warmup());
			this.out.printf("warm-up %s: %d units, %d errors (not measured)%n", warmup.label(), warmup.attempted(),
					warmup.errors());
		}
		ScenarioResult result = driver.drive(target, shape, this.options.orders()).result();
		this.out.printf(Locale.ROOT, "%s %s: %.1f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors%n",
				result.target(), shape.describe(), result.throughput(), result.p("p50"), result.p("p99"),
				result.p("max"), result.errors());
		return result;
	}

	private static Map<String, String> machine() {
		Map<String, String> machine = new LinkedHashMap<>();
		machine.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		return machine;
	}

}
