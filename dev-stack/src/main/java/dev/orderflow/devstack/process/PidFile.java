package dev.orderflow.devstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A process's pid recorded in {@code run/NAME.pid}, and the check that the pid still runs
 * that process (pids get reused; we never signal a stranger).
 */
public final class PidFile {

	private final Path file;

	private final Predicate<String> isOurs;

	/**
	 * The pid file of a Java process we started as {@link JavaCommand#java(String, Path)
	 * NAME of DIR}.
	 */
	public PidFile(Path file, String name, Path dataDir) {
		this(file, (commandLine) -> JavaCommand.isOurs(commandLine, name, dataDir));
	}

	/**
	 * @param isOurs whether a command line (from {@link CommandLines}) is the recorded
	 * process's
	 */
	public PidFile(Path file, Predicate<String> isOurs) {
		this.file = file;
		this.isOurs = isOurs;
	}

	public void write(long pid) {
		try {
			Files.writeString(this.file, pid + System.lineSeparator());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + this.file, ex);
		}
	}

	public Optional<Long> read() {
		try {
			return Files.isRegularFile(this.file) ? Optional.of(Long.parseLong(Files.readString(this.file).trim()))
					: Optional.empty();
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** The recorded process, if it is still alive and still ours. */
	public Optional<ProcessHandle> runningProcess() {
		return read().flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter((handle) -> CommandLines.of(handle.pid()).map(this.isOurs::test).orElse(false));
	}

	public void delete() {
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete " + this.file, ex);
		}
	}

}
