package dev.orderflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The CPU time processes have used so far, from {@code /proc/PID/stat} (user plus system
 * time, in clock ticks): a process of the stack counts with its descendants (PostgreSQL
 * serves each connection from a child process; a JVM has none). Where there is no
 * {@code /proc} (macOS, Windows) nothing can be read, and the report says so.
 */
final class ProcessCpu {

	private static final Path PROC = Path.of("/proc");

	private final Path proc;

	private final long ticksPerSecond;

	ProcessCpu(Path proc, long ticksPerSecond) {
		this.proc = proc;
		this.ticksPerSecond = ticksPerSecond;
	}

	/** This machine's {@code /proc}, with the kernel's clock ticks per second. */
	static ProcessCpu system() {
		return new ProcessCpu(PROC, clockTicks());
	}

	boolean available() {
		return Files.isReadable(this.proc.resolve("self").resolve("stat"));
	}

	/**
	 * User plus system time in a {@code /proc/PID/stat} line, in ticks: fields 14 and 15,
	 * counted after the command name, which is in parentheses and may itself hold spaces
	 * or parentheses.
	 */
	static OptionalLong ticksOfStat(String stat) {
		int end = stat.lastIndexOf(')');
		if (end < 0) {
			return OptionalLong.empty();
		}
		String[] fields = stat.substring(end + 1).trim().split("\\s+");
		// fields[0] is field 3 (state): utime is field 14, stime field 15
		if (fields.length < 13) {
			return OptionalLong.empty();
		}
		try {
			return OptionalLong.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
		}
		catch (NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	/**
	 * The ticks of each process of a tree (the process and its descendants, by pid) as
	 * far as they can be read now; a process that ended is left out.
	 */
	Map<Long, Long> treeTicks(long pid) {
		Map<Long, Long> ticks = new LinkedHashMap<>();
		ticks(pid).ifPresent((t) -> ticks.put(pid, t));
		ProcessHandle.of(pid)
			.map(ProcessHandle::descendants)
			.orElseGet(Stream::empty)
			.forEach((child) -> ticks(child.pid()).ifPresent((t) -> ticks.put(child.pid(), t)));
		return ticks;
	}

	/** The resident set size of a process now, in bytes. */
	OptionalDouble rssBytes(long pid) {
		try {
			return StackProbe.rssOfStatus(Files.readString(this.proc.resolve(Long.toString(pid)).resolve("status")));
		}
		catch (IOException | NumberFormatException ex) {
			return OptionalDouble.empty();
		}
	}

	double millis(long ticks) {
		return ticks * 1000.0 / this.ticksPerSecond;
	}

	private OptionalLong ticks(long pid) {
		try {
			return ticksOfStat(Files.readString(this.proc.resolve(Long.toString(pid)).resolve("stat")));
		}
		catch (IOException ex) {
			// the process ended between listing and reading
			return OptionalLong.empty();
		}
	}

	/**
	 * {@code getconf CLK_TCK}: 100 on every Linux we know, but the kernel may say
	 * otherwise.
	 */
	private static long clockTicks() {
		try {
			Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
			if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
				String out = new String(getconf.getInputStream().readAllBytes()).trim();
				return Long.parseLong(out);
			}
			getconf.destroyForcibly();
		}
		catch (IOException | NumberFormatException ex) {
			// no getconf: the usual value
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 100;
	}

}
