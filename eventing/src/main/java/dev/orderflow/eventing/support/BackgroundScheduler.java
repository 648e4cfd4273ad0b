package dev.orderflow.eventing.support;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A single-thread scheduler for a periodic housekeeping task (the inbox purge, the stock
 * gauges): its thread carries the task's name, so a thread dump says what it is, and is a
 * daemon, so it never keeps a stopping service alive.
 */
public final class BackgroundScheduler {

	private BackgroundScheduler() {
	}

	/** A new scheduler whose one thread is called {@code name}. */
	public static ScheduledExecutorService named(String name) {
		return Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		});
	}

}
