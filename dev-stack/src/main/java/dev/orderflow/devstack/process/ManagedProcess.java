package dev.orderflow.devstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One child process of the stack: started with its output appended to its log, its pid
 * recorded, awaited until ready, and stopped with SIGTERM then, after a grace period,
 * SIGKILL.
 */
public final class ManagedProcess {

	private static final int LOG_LINES_ON_FAILURE = 30;

	private final ProcessSpec spec;

	private final PidFile pidFile;

	private volatile ProcessHandle handle;

	private volatile Process process;

	public ManagedProcess(ProcessSpec spec, PidFile pidFile) {
		this.spec = spec;
		this.pidFile = pidFile;
	}

	public String name() {
		return this.spec.name();
	}

	public Path logFile() {
		return this.spec.logFile();
	}

	public void start() {
		List<String> command = new ArrayList<>(Sessions.detachedPrefix());
		command.addAll(this.spec.command());
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.spec.workingDirectory().toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.spec.logFile().toFile()));
		builder.environment().putAll(this.spec.environment());
		try {
			appendToLog("=== " + Instant.now() + " orderflow starts " + name() + ": " + String.join(" ", command));
			Process process = builder.start();
			// nobody writes to the child's stdin; closing it keeps the child from waiting
			// on us
			process.getOutputStream().close();
			this.process = process;
			this.handle = process.toHandle();
		}
		catch (IOException ex) {
			throw new StartupException("Cannot start " + name() + ": " + ex.getMessage(), ex);
		}
		this.pidFile.write(this.handle.pid());
	}

	/**
	 * Waits until the check says ready, failing early when the process dies and after the
	 * timeout otherwise, with the end of its log in the message.
	 */
	public void awaitReady(Readiness readiness, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		Exception lastProblem = null;
		try {
			while (Instant.now().isBefore(deadline)) {
				if (!isAlive()) {
					throw new StartupException(name() + " exited" + exitCode().map((c) -> " with code " + c).orElse("")
							+ " before it was ready." + System.lineSeparator() + logExcerpt());
				}
				try {
					if (readiness.isReady()) {
						return;
					}
				}
				catch (Exception ex) {
					lastProblem = ex;
				}
				sleep(Duration.ofMillis(500));
			}
		}
		finally {
			readiness.close();
		}
		throw new StartupException(name() + " was not ready after " + timeout.toSeconds() + " s"
				+ ((lastProblem != null) ? " (last check: " + lastProblem + ")" : "") + "." + System.lineSeparator()
				+ logExcerpt());
	}

	public String logExcerpt() {
		return LogTail.excerpt(this.spec.logFile(), LOG_LINES_ON_FAILURE);
	}

	public boolean isAlive() {
		return this.handle != null && this.handle.isAlive();
	}

	/** The pid of the current (or last) run. */
	public long pid() {
		if (this.handle == null) {
			throw new IllegalStateException(name() + " was never started");
		}
		return this.handle.pid();
	}

	public Optional<ProcessHandle> handle() {
		return Optional.ofNullable(this.handle);
	}

	/**
	 * How long this process gets to stop after SIGTERM: {@code grace}, or longer while it
	 * writes its start-up cache ({@link ServiceJvm#CACHE_WRITE_GRACE}).
	 */
	public Duration stopGrace(Duration grace) {
		return ServiceJvm.recordsCache(String.join(" ", this.spec.command())) ? ServiceJvm.CACHE_WRITE_GRACE : grace;
	}

	/** SIGTERM, wait up to {@code grace}, then SIGKILL. */
	public void stop(Duration grace) {
		if (this.handle != null) {
			stop(this.handle, stopGrace(grace));
		}
		this.pidFile.delete();
	}

	/**
	 * Stops processes together: SIGTERM to all, then waits for each as
	 * {@link #stop(Duration)} does.
	 */
	public static void stopTogether(List<ManagedProcess> processes, Duration grace) {
		processes
			.forEach((process) -> process.handle().filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroy));
		processes.forEach((process) -> process.stop(grace));
	}

	/**
	 * SIGKILL right away, as a crash would; the pid file is left behind, as a crash
	 * would.
	 */
	public void kill() {
		if (this.handle != null && this.handle.isAlive()) {
			this.handle.destroyForcibly();
			awaitExit(this.handle, Duration.ofSeconds(10));
		}
	}

	/**
	 * Stops processes we may not have started ourselves together (e.g. {@code down});
	 * false if one would not.
	 */
	public static boolean stopTogether(Collection<ProcessHandle> handles, Duration grace) {
		handles.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
		boolean stopped = true;
		for (ProcessHandle handle : handles) {
			boolean writesCache = CommandLines.of(handle.pid()).map(ServiceJvm::recordsCache).orElse(false);
			stopped &= stop(handle, writesCache ? ServiceJvm.CACHE_WRITE_GRACE : grace);
		}
		return stopped;
	}

	/** Stops a process we may not have started ourselves (e.g. {@code down}). */
	public static boolean stop(ProcessHandle handle, Duration grace) {
		if (!handle.isAlive()) {
			return true;
		}
		handle.destroy();
		if (awaitExit(handle, grace)) {
			return true;
		}
		handle.destroyForcibly();
		return awaitExit(handle, Duration.ofSeconds(10));
	}

	private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
		try {
			handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (ExecutionException ex) {
			return !handle.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !handle.isAlive();
		}
	}

	private Optional<Integer> exitCode() {
		Process current = this.process;
		return (current != null && !current.isAlive()) ? Optional.of(current.exitValue()) : Optional.empty();
	}

	private void appendToLog(String line) throws IOException {
		Files.writeString(this.spec.logFile(), line + System.lineSeparator(), StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StartupException("Interrupted while waiting", ex);
		}
	}

}
