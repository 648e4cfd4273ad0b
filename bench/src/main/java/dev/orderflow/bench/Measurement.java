package dev.orderflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What one scenario (a target under one load shape) measured: a latency histogram in
 * microseconds, the counts of done, rejected and failed units, and the span from the
 * first intended start to the last completion, for the throughput.
 */
final class Measurement {

	private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

	private final String target;

	private final LoadShape shape;

	private final int attempted;

	private final Histogram histogram = new ConcurrentHistogram(HIGHEST_MICROS, 3);

	private final AtomicInteger completed = new AtomicInteger();

	private final AtomicInteger rejected = new AtomicInteger();

	private final AtomicInteger errors = new AtomicInteger();

	private final Map<String, AtomicInteger> errorReasons = new ConcurrentHashMap<>();

	private final AtomicLong lastDoneNanos = new AtomicLong();

	private final CountDownLatch finished;

	private final Semaphore inFlight;

	/**
	 * Each done unit: nanoseconds from the first start to its end, and its latency in µs.
	 */
	private final List<long[]> ends = java.util.Collections.synchronizedList(new ArrayList<>());

	private volatile long firstStartNanos;

	private volatile boolean closed;

	Measurement(String target, LoadShape shape, int attempted) {
		this.target = target;
		this.shape = shape;
		this.attempted = attempted;
		this.finished = new CountDownLatch(attempted);
		this.inFlight = new Semaphore(Math.max(1, shape.concurrency()));
	}

	/**
	 * Marks the intended start of a unit of work; in the closed model, waits for a free
	 * slot first.
	 */
	Completion start(long intendedNanos) throws InterruptedException {
		if (this.shape.mode() == LoadShape.Mode.MAX) {
			this.inFlight.acquire();
			intendedNanos = System.nanoTime();
		}
		if (this.firstStartNanos == 0) {
			this.firstStartNanos = intendedNanos;
		}
		return new Completion(this, intendedNanos);
	}

	void done(long intendedNanos, long observedNanos, boolean wasRejected) {
		if (this.closed) {
			return;
		}
		long micros = Math.min(HIGHEST_MICROS, Math.max(0, (observedNanos - intendedNanos) / 1000));
		this.histogram.recordValue(micros);
		this.ends.add(new long[] { observedNanos - this.firstStartNanos, micros });
		(wasRejected ? this.rejected : this.completed).incrementAndGet();
		this.lastDoneNanos.accumulateAndGet(observedNanos, Math::max);
		end();
	}

	void failed(String reason) {
		if (this.closed) {
			return;
		}
		this.errors.incrementAndGet();
		this.errorReasons.computeIfAbsent(reason, (r) -> new AtomicInteger()).incrementAndGet();
		this.lastDoneNanos.accumulateAndGet(System.nanoTime(), Math::max);
		end();
	}

	private void end() {
		this.inFlight.release();
		this.finished.countDown();
	}

	/**
	 * Waits for every unit to end; those still open after the timeout count as errors.
	 */
	void awaitEnd(Duration timeout) throws InterruptedException {
		if (!this.finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			int missing = (int) this.finished.getCount();
			for (int i = 0; i < missing; i++) {
				failed("no terminal event within " + timeout.toSeconds() + " s");
			}
		}
		this.closed = true;
	}

	/** Units that ended so far (done, rejected or failed), for the progress bar. */
	int ended() {
		return this.attempted - (int) this.finished.getCount();
	}

	int errors() {
		return this.errors.get();
	}

	int attempted() {
		return this.attempted;
	}

	String label() {
		return this.target + " " + this.shape.describe();
	}

	ScenarioResult result() {
		Histogram snapshot = this.histogram.copy();
		int terminal = this.completed.get() + this.rejected.get();
		double seconds = Math.max(1e-9, (this.lastDoneNanos.get() - this.firstStartNanos) / 1e9);
		Map<String, Integer> reasons = new TreeMap<>();
		this.errorReasons.forEach((reason, count) -> reasons.put(reason, count.get()));
		List<long[]> ends;
		synchronized (this.ends) {
			ends = List.copyOf(this.ends);
		}
		return ScenarioResult.of(this.target, this.shape, this.attempted, this.completed.get(), this.rejected.get(),
				this.errors.get(), reasons, seconds, terminal / seconds, snapshot, Timeline.of(ends));
	}

}
