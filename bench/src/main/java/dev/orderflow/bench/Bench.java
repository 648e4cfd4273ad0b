package dev.orderflow.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
		if (this.options.breakdown()) {
			return new Breakdown(this.options, this.out, this.progress).run(command);
		}
		String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		Measured measured = measure();
		BenchReport report = new BenchReport(startedAt, command, machine(), measured.recordSize(),
				measured.partitions(), measured.results(), BenchReport.ratios(measured.results()), measured.soak(),
				List.of(), StartupTimes.read(this.options.dataDir()));
		write(report, this.options.out(), this.out);
		return report;
	}

	/** What {@link #measure()} measured. */
	record Measured(int recordSize, int partitions, List<ScenarioResult> results, SoakReport soak) {
	}

	/** Runs every scenario against the running stack, without writing reports. */
	Measured measure() throws IOException, InterruptedException {
		int partitions = BenchTopics.prepare(this.options.bootstrapServers(), this.options.kafkaClient());
		int recordSize = RecordSize.ofBenchOrderPlaced();
		LoadDriver driver = new LoadDriver(this.progress, this.options.timeout());
		List<ScenarioResult> results = new ArrayList<>();
		List<LoadShape> shapes = new ArrayList<>(this.options.shapes());
		SoakReport soak = null;
		try (SagaTarget saga = new SagaTarget(this.options)) {
			long total = (long) (this.options.orders() + this.options.warmup()) * (shapes.size() + 1);
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
				if (this.options.halfRate()) {
					LoadShape half = halfOfSagaMaximum(results);
					shapes.add(half);
					results.add(scenario(driver, saga, half, halfRateWarmup()));
				}
			}
		}
		if (this.options.baseline()) {
			try (RawRelay raw = new RawRelay(this.options.bootstrapServers(), this.options.kafkaClient(), recordSize)) {
				for (LoadShape shape : this.options.shapes()) {
					results.add(scenario(driver, raw, shape));
				}
				for (LoadShape half : shapes.subList(this.options.shapes().size(), shapes.size())) {
					results.add(scenario(driver, raw, half, halfRateWarmup()));
				}
			}
		}
		return new Measured(recordSize, partitions, results, soak);
	}

	/** Writes the reports to {@code dir} and prints the markdown one. */
	static void write(BenchReport report, Path dir, PrintStream out) throws IOException {
		List<Path> files = new ReportWriter(dir).write(report);
		out.println();
		out.print(ReportWriter.markdown(report));
		out.println();
		files.forEach((file) -> out.println("Wrote " + file.toAbsolutePath().normalize()));
	}

	/**
	 * A fixed rate of half the saga's maximum throughput just measured: where the issue's
	 * p99 target compares the saga with the raw relay.
	 */
	static LoadShape halfOfSagaMaximum(List<ScenarioResult> results) {
		double maximum = results.stream()
			.filter((r) -> "saga".equals(r.target()) && "max".equals(r.mode()))
			.mapToDouble(ScenarioResult::throughput)
			.max()
			.orElseThrow(() -> new IllegalStateException("--half-rate needs a saga --max scenario first"));
		return LoadShape.fixedRate((int) Math.max(1, Math.round(maximum / 2)));
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
				"Soak: %d orders at %s, sampling every %d s (data dir %s). The inbox and the databases level"
						+ " off only if the stack was started with short retentions, e.g.%n"
						+ "  ORDERFLOW_INBOX_RETENTION=2m ORDERFLOW_INBOX_PURGE_INTERVAL=30s"
						+ " ORDERFLOW_SETTLED_ORDERS_RETENTION=2m ORDERFLOW_RETENTION_PURGE_INTERVAL=30s"
						+ " ./orderflow up -d --clean%n",
				this.options.orders(), this.options.shapes().get(0).describe(),
				this.options.sampleInterval().toSeconds(), this.options.dataDir().toAbsolutePath().normalize());
		try (SoakSampler sampler = new SoakSampler(probe, this.options.sampleInterval())) {
			sampler.start();
			results.add(scenario(driver, saga, this.options.shapes().get(0)));
			return sampler.stop();
		}
	}

	/**
	 * The half-rate scenario follows the maximum on a target that is warm already (its
	 * JIT and caches saw the maximum's warm-up and measured orders): a tenth of the
	 * warm-up only lets the fixed rate settle.
	 */
	private int halfRateWarmup() {
		return this.options.warmup() / 10;
	}

	private ScenarioResult scenario(LoadDriver driver, Target target, LoadShape shape) throws InterruptedException {
		return scenario(driver, target, shape, this.options.warmup());
	}

	private ScenarioResult scenario(LoadDriver driver, Target target, LoadShape shape, int warmupOrders)
			throws InterruptedException {
		if (warmupOrders > 0) {
			Measurement warmup = driver.drive(target, shape, warmupOrders);
			this.out.printf("warm-up %s: %d units, %d errors (not measured)%n", warmup.label(), warmup.attempted(),
					warmup.errors());
		}
		SagaTarget saga = (target instanceof SagaTarget s) ? s : null;
		if (saga != null) {
			saga.hops().begin();
		}
		CpuMeter cpu = cpuMeter(target.name()).start();
		ScenarioResult measured = driver.drive(target, shape, this.options.orders()).result();
		CpuReport usage = cpu.stop(measured.completed() + measured.rejected());
		ScenarioResult result = measured.with(usage, (saga != null) ? saga.hops().report() : List.of());
		this.out.printf(Locale.ROOT, "%s %s: %.1f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors, %s%n",
				result.target(), shape.describe(), result.throughput(), result.p("p50"), result.p("p99"),
				result.p("max"), result.errors(), usage.measured()
						? String.format(Locale.ROOT, "CPU %.2f ms/order", usage.stackMillisPerOrder()) : usage.note());
		return result;
	}

	/**
	 * The saga's CPU is that of every process of the stack (pid files in the data
	 * directory), the bench's own beside it; the raw relay's is the bench's (it is the
	 * relay) and the broker's.
	 */
	private CpuMeter cpuMeter(String target) {
		Map<String, Long> pids = new LinkedHashMap<>(StackProbe.recordedPids(this.options.dataDir()));
		pids.put(CpuMeter.BENCH, ProcessHandle.current().pid());
		Set<String> stack = new HashSet<>();
		if ("raw".equals(target)) {
			stack.add(CpuMeter.BENCH);
			pids.keySet().stream().filter((name) -> name.startsWith("kafka")).forEach(stack::add);
			pids.keySet().retainAll(stack);
		}
		else {
			stack.addAll(pids.keySet());
			stack.remove(CpuMeter.BENCH);
		}
		return new CpuMeter(ProcessCpu.system(), pids, stack);
	}

	static Map<String, String> machine() {
		Map<String, String> machine = new LinkedHashMap<>();
		machine.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		return machine;
	}

}
