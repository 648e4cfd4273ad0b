package dev.orderflow.systemtests;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command the system tests need (git, apt-get, a lab's bash block,
 * {@code ./orderflow bench}) to its end within a time limit: a command that hangs fails
 * its test, naming the command, instead of hanging the build, and leaves no process of
 * its own behind.
 */
final class BoundedCommand {

	private BoundedCommand() {
	}

	/**
	 * Starts {@code builder} as the caller set it up (directory, environment, where its
	 * output goes) and waits for it to end.
	 * @param what the command as a reader of the failure should see it
	 * @return its exit value
	 * @throws IllegalStateException when it runs longer than {@code limit}; it and every
	 * process it started are killed first
	 */
	static int run(ProcessBuilder builder, Duration limit, String what) throws IOException, InterruptedException {
		Process process = builder.start();
		if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			throw new IllegalStateException("Did not finish within " + limit.toSeconds() + " s: " + what);
		}
		return process.exitValue();
	}

}
