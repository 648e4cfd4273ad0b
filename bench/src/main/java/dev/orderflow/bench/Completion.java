package dev.orderflow.bench;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The end of one unit of work, reported once: done (with the time its terminal event was
 * seen) or failed. Latency counts from the intended start, not from when the request went
 * out.
 */
final class Completion {

	private final Measurement measurement;

	private final long intendedNanos;

	private final AtomicBoolean reported = new AtomicBoolean();

	Completion(Measurement measurement, long intendedNanos) {
		this.measurement = measurement;
		this.intendedNanos = intendedNanos;
	}

	long intendedNanos() {
		return this.intendedNanos;
	}

	void done(long observedNanos, boolean rejected) {
		if (this.reported.compareAndSet(false, true)) {
			this.measurement.done(this.intendedNanos, observedNanos, rejected);
		}
	}

	void failed(String reason) {
		if (this.reported.compareAndSet(false, true)) {
			this.measurement.failed(reason);
		}
	}

}
