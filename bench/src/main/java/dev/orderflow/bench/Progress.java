package dev.orderflow.bench;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A one-line progress bar redrawn with {@code \r}, only on a terminal (a log file or a
 * test gets the summary lines alone).
 */
final class Progress implements AutoCloseable {

	private static final int WIDTH = 30;

	private final PrintStream out;

	private final boolean interactive;

	private final ScheduledExecutorService ticker;

	private ScheduledFuture<?> current;

	private long startNanos;

	Progress(PrintStream out, boolean interactive) {
		this.out = out;
		this.interactive = interactive;
		this.ticker = interactive ? Executors.newSingleThreadScheduledExecutor((r) -> {
			Thread thread = new Thread(r, "bench-progress");
			thread.setDaemon(true);
			return thread;
		}) : null;
	}

	static Progress onConsole(PrintStream out) {
		return new Progress(out, System.console() != null);
	}

	synchronized void watch(Measurement measurement) {
		this.startNanos = System.nanoTime();
		if (this.interactive) {
			this.current = this.ticker.scheduleAtFixedRate(() -> draw(measurement), 0, 200, TimeUnit.MILLISECONDS);
		}
	}

	synchronized void done(Measurement measurement) {
		if (this.current != null) {
			this.current.cancel(false);
			draw(measurement);
			this.out.println();
		}
	}

	void line(String text) {
		this.out.println(text);
	}

	private void draw(Measurement measurement) {
		int ended = measurement.ended();
		int total = measurement.attempted();
		int filled = (total == 0) ? WIDTH : (int) ((long) ended * WIDTH / total);
		double seconds = Math.max(1e-3, (System.nanoTime() - this.startNanos) / 1e9);
		String bar = "=".repeat(filled) + ((filled < WIDTH) ? ">" + " ".repeat(WIDTH - filled - 1) : "");
		this.out.printf("\r%-26s [%s] %6d/%d  %7.1f/s  errors %d ", measurement.label(), bar, ended, total,
				ended / seconds, measurement.errors());
		this.out.flush();
	}

	@Override
	public void close() {
		if (this.ticker != null) {
			this.ticker.shutdownNow();
		}
	}

}
