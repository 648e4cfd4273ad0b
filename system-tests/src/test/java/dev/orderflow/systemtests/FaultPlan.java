package dev.orderflow.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Faults (and poison pills) that happen at fixed points of a run, counted in orders sent
 * rather than in seconds, so every run meets them at the same stage. Each step runs on
 * one background thread, in order, while the load carries on, and leaves a line with its
 * time in the timeline. A step that overruns its slot on a slow machine holds the load
 * until it ends and the next step has begun, rather than letting the next step slip
 * behind the orders it was planned for (or past the end of the run).
 */
final class FaultPlan {

	private final Map<Integer, Step> steps = new ConcurrentSkipListMap<>();

	/** One latch per planned step, opened when the step begins. */
	private final ConcurrentSkipListMap<Integer, CountDownLatch> begun = new ConcurrentSkipListMap<>();

	private final List<String> timeline = new CopyOnWriteArrayList<>();

	private final List<Future<?>> running = new CopyOnWriteArrayList<>();

	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	private volatile long startNanos = System.nanoTime();

	/** Something to do when order number {@code atOrder} is about to be sent. */
	@FunctionalInterface
	interface Action {

		/** Does it and returns what to write in the timeline. */
		String run() throws Exception;

	}

	private record Step(String name, Action action) {
	}

	FaultPlan at(int atOrder, String name, Action action) {
		this.steps.put(atOrder, new Step(name, action));
		this.begun.put(atOrder, new CountDownLatch(1));
		return this;
	}

	void start() {
		this.startNanos = System.nanoTime();
	}

	/**
	 * Called by the load before each order; starts the step planned for this one, if any,
	 * and returns once every step planned up to this order has begun.
	 */
	void beforeOrder(int order) {
		Step step = this.steps.remove(order);
		if (step != null) {
			CountDownLatch begins = this.begun.get(order);
			this.running.add(this.executor.submit(() -> {
				begins.countDown();
				double begin = elapsedSeconds();
				String outcome = step.action().run();
				this.timeline.add(String.format("T+%5.1fs  at order %4d  %-34s %s (%.1f s)", begin, order, step.name(),
						outcome, elapsedSeconds() - begin));
				return null;
			}));
		}
		for (Map.Entry<Integer, CountDownLatch> planned : this.begun.headMap(order, true).entrySet()) {
			if (!awaitQuietly(planned.getValue())) {
				throw new IllegalStateException("The step planned at order " + planned.getKey()
						+ " did not begin within 5 minutes of its turn");
			}
		}
	}

	private static boolean awaitQuietly(CountDownLatch latch) {
		try {
			return latch.await(5, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the load waited for a planned step", ex);
		}
	}

	/**
	 * Waits for every started step and fails if one failed or a planned step never came.
	 */
	void awaitAll(Duration timeout) throws Exception {
		for (Future<?> step : this.running) {
			step.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		this.executor.shutdown();
		if (!this.steps.isEmpty()) {
			throw new IllegalStateException("Planned steps never ran: " + this.steps.keySet());
		}
	}

	void shutdownNow() {
		this.executor.shutdownNow();
	}

	double elapsedSeconds() {
		return (System.nanoTime() - this.startNanos) / 1e9;
	}

	List<String> timeline() {
		return List.copyOf(this.timeline);
	}

}
