package dev.orderflow.eventing.support;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;

/**
 * A housekeeping task that runs every {@link #interval()} on a thread of its own while
 * the application runs (the inbox purge, the H2 compaction): started and stopped with the
 * application context, first round one interval after start, the next one interval after
 * the previous ended (never two rounds at once).
 * <p>
 * A round must not throw: an exception would end the schedule silently, so subclasses
 * catch, log and try again next round.
 */
public abstract class PeriodicTask implements SmartLifecycle {

	private static final int STOP_WAIT_SECONDS = 5;

	private final String threadName;

	private volatile ScheduledExecutorService scheduler;

	protected PeriodicTask(String threadName) {
		this.threadName = threadName;
	}

	/** Time between the end of one round and the start of the next. */
	protected abstract Duration interval();

	/** One round of the task. */
	protected abstract void runRound();

	/**
	 * Runs once on the task's thread right after start, before the first round (work that
	 * must not delay the application's start). Does nothing unless overridden.
	 */
	protected void beforeFirstRound() {
	}

	/**
	 * Ends the schedule from within a round, when the task finds it has nothing to do in
	 * this application (the round in progress finishes).
	 */
	protected final void endSchedule() {
		ScheduledExecutorService executor = this.scheduler;
		this.scheduler = null;
		if (executor != null) {
			executor.shutdown();
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = BackgroundScheduler.named(this.threadName);
		executor.execute(this::beforeFirstRound);
		long interval = interval().toMillis();
		executor.scheduleWithFixedDelay(this::runRound, interval, interval, TimeUnit.MILLISECONDS);
		this.scheduler = executor;
	}

	/**
	 * Cancels the next rounds and waits up to {@value #STOP_WAIT_SECONDS} s for the one
	 * in progress, which is not interrupted: an interrupt that reaches an embedded H2
	 * database's thread while it writes closes H2's file channel, and with it the
	 * database, under every request still being served (the incident test's rolling
	 * upgrade answered 500s so, with "The database has been closed").
	 */
	@Override
	public void stop() {
		ScheduledExecutorService executor = this.scheduler;
		this.scheduler = null;
		if (executor != null) {
			executor.shutdown();
			try {
				// a round in progress (a DELETE, a compaction step) ends before the data
				// source closes
				executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
