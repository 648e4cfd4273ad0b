package dev.orderflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the stack's footprint ({@link StackProbe}) at a fixed interval on a thread of
 * its own while the soak's load runs, and turns the samples into a {@link SoakReport}.
 */
final class SoakSampler implements AutoCloseable {

	private final StackProbe probe;

	private final Duration interval;

	private final Map<String, SeriesBuilder> series = new LinkedHashMap<>();

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "soak-sampler");
		thread.setDaemon(true);
		return thread;
	});

	private long startNanos;

	SoakSampler(StackProbe probe, Duration interval) {
		this.probe = probe;
		this.interval = interval;
	}

	/** Takes the first sample now and one every interval after. */
	void start() {
		this.startNanos = System.nanoTime();
		this.executor.scheduleAtFixedRate(this::sample, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Stops sampling after one last sample; returns every series sampled. */
	SoakReport stop() throws InterruptedException {
		this.executor.shutdown();
		this.executor.awaitTermination(30, TimeUnit.SECONDS);
		sample();
		synchronized (this.series) {
			List<SoakReport.Series> all = new ArrayList<>();
			this.series.values().forEach((builder) -> all.add(builder.build()));
			return SoakReport.of(this.interval.toMillis() / 1000.0, all);
		}
	}

	private void sample() {
		double seconds = (System.nanoTime() - this.startNanos) / 1e9;
		List<StackProbe.Reading> readings = this.probe.sample();
		synchronized (this.series) {
			for (StackProbe.Reading reading : readings) {
				this.series
					.computeIfAbsent(reading.group() + "|" + reading.name(),
							(key) -> new SeriesBuilder(reading.group(), reading.name()))
					.add(seconds, reading.value());
			}
		}
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	private static final class SeriesBuilder {

		private final String group;

		private final String name;

		private final List<double[]> points = new ArrayList<>();

		SeriesBuilder(String group, String name) {
			this.group = group;
			this.name = name;
		}

		void add(double seconds, double value) {
			this.points.add(new double[] { Math.round(seconds * 10) / 10.0, Math.round(value * 100) / 100.0 });
		}

		SoakReport.Series build() {
			return new SoakReport.Series(this.group, this.name, List.copyOf(this.points));
		}

	}

}
