package dev.orderflow.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Offers load to a target. At a fixed rate, unit {@code i} is due at
 * {@code start + i/rate} whatever happened before: a late sender does not postpone the
 * schedule, and latency counts from the due time, so the measurement is free of
 * coordinated omission.
 */
final class LoadDriver {

	private final Progress progress;

	private final Duration timeout;

	LoadDriver(Progress progress, Duration timeout) {
		this.progress = progress;
		this.timeout = timeout;
	}

	Measurement drive(Target target, LoadShape shape, int count) throws InterruptedException {
		Measurement measurement = new Measurement(target.name(), shape, count);
		this.progress.watch(measurement);
		try {
			long start = System.nanoTime();
			double periodNanos = (shape.mode() == LoadShape.Mode.RATE) ? 1e9 / shape.rate() : 0;
			for (int i = 0; i < count; i++) {
				long due = start + (long) (i * periodNanos);
				parkUntil(due);
				Completion completion = measurement.start(due);
				try {
					target.send(completion);
				}
				catch (RuntimeException ex) {
					completion.failed(ex.getClass().getSimpleName());
				}
			}
			measurement.awaitEnd(this.timeout);
		}
		finally {
			this.progress.done(measurement);
		}
		return measurement;
	}

	private static void parkUntil(long due) throws InterruptedException {
		// bounded: each round parks until the due time, which only comes closer
		for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
			LockSupport.parkNanos(left);
			if (Thread.interrupted()) {
				throw new InterruptedException();
			}
		}
	}

}
