package dev.orderflow.devstack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the command line of a running process: from {@code /proc} on Linux (complete),
 * from {@link ProcessHandle.Info} elsewhere.
 */
public final class CommandLines {

	private CommandLines() {
	}

	public static Optional<String> of(long pid) {
		Path proc = Path.of("/proc", Long.toString(pid), "cmdline");
		if (Files.isReadable(proc)) {
			try {
				String raw = new String(Files.readAllBytes(proc), StandardCharsets.UTF_8);
				return Optional.of(raw.replace('\0', ' ').trim() + " ").filter((s) -> !s.isBlank());
			}
			catch (IOException ex) {
				// the process ended between the check and the read
				return Optional.empty();
			}
		}
		return ProcessHandle.of(pid).flatMap((handle) -> handle.info().commandLine()).map((s) -> s + " ");
	}

}
