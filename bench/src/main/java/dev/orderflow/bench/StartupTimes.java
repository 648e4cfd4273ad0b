package dev.orderflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How long each Spring Boot process of the stack took from its start to started: the
 * {@code (process running for N)} that Spring Boot logs, the last one of each log in the
 * data directory's {@code logs/} (the current run's).
 */
final class StartupTimes {

	private static final Pattern STARTED = Pattern.compile("Started .* \\(process running for ([0-9.]+)\\)");

	private StartupTimes() {
	}

	static Map<String, Double> read(Path dataDir) {
		Map<String, Double> ready = new TreeMap<>();
		Path logs = dataDir.resolve("logs");
		if (!Files.isDirectory(logs)) {
			return ready;
		}
		try (Stream<Path> files = Files.list(logs)) {
			files.filter((f) -> f.getFileName().toString().endsWith(".log")).forEach((log) -> {
				try (Stream<String> lines = Files.lines(log)) {
					lines.map(STARTED::matcher)
						.filter(Matcher::find)
						.reduce((first, second) -> second)
						.ifPresent((m) -> ready.put(log.getFileName().toString().replaceFirst("\\.log$", ""),
								Double.parseDouble(m.group(1))));
				}
				catch (IOException | java.io.UncheckedIOException ex) {
					// a log being rotated: left out
				}
			});
		}
		catch (IOException ex) {
			// no logs: nothing to say
		}
		return ready;
	}

}
