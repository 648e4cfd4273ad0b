package dev.orderflow.eventing.support;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * A housekeeping task that runs every {@link #interval()} on a thread of its own while
 * the application runs (the inbox purge, the H2 compaction): started and stopped with the
 * application context, first round one interval after start, the next one interval after
 * the previous ended (never two rounds at once).
 * <p>
 * A round that throws is logged and the next one tries again: an exception escaping a
 * scheduled task would end its schedule silently.
 */
public abstract class PeriodicTask implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

	private static final int STOP_WAIT_SECONDS = 5;

	private final String threadName;

	private final String description;

	private volatile ScheduledExecutorService scheduler;

	/**
	 * @param threadName the name of the task's thread
	 * @param description what the task does, for the log line of a failed round (e.g.
	 * "Inbox purge")
	 */
	protected PeriodicTask(String threadName, String description) {
		this.threadName = threadName;
		this.description = description;
	}

	/** Time between the end of one round and the start of the next. */
	protected abstract Duration interval();

	/** One round of the task; when it throws, the next round tries again. */
	protected abstract void runRound();

	/**
	 * Runs after a round threw, before the next (e.g. to forget a connection that
	 * failed). Does nothing unless overridden.
	 */
	protected void afterFailedRound() {
	}

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
		executor.scheduleWithFixedDelay(this::roundThatCannotEndTheSchedule, interval, interval, TimeUnit.MILLISECONDS);
		this.scheduler = executor;
	}

	private void roundThatCannotEndTheSchedule() {
		try {
			runRound();
		}
		catch (RuntimeException ex) {
			log.warn("{} failed, next attempt in {}: {}", this.description, interval(), ex.toString());
			afterFailedRound();
		}
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
