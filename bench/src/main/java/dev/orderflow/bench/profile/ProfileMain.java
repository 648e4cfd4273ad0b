package dev.orderflow.bench.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -cp bench.jar dev.orderflow.bench.profile.ProfileMain [options] FILE.jfr...}:
 * for each recording of {@code ./orderflow up --jfr DIR}, the collapsed stacks, a flame
 * graph and a Markdown summary of its samples in the bench's measured window (see
 * {@link #USAGE}).
 */
public final class ProfileMain {

	static final String USAGE = """
			Usage: java -cp bench/target/bench-0.1.0-SNAPSHOT.jar dev.orderflow.bench.profile.ProfileMain \\
			         [--from ISO-INSTANT] [--to ISO-INSTANT] [--event TYPE] [--out DIR] [--top N] FILE.jfr...

			For each JFR recording (e.g. of ./orderflow up --jfr DIR): the stack samples taken between
			--from and --to (default: all), written to DIR/<name>.collapsed (one stack per line, for any
			flame graph tool), DIR/<name>.svg (a flame graph) and DIR/<name>.md (shares by what the hot
			frame is: Avro, SQL, e-mail, logging, tracing, Kafka, HTTP, ...; the hottest leaf frames and
			threads), which is also printed.

			  --event TYPE   jdk.ExecutionSample (default: Java code, every 10 ms) or jdk.CPUTimeSample
			                 (JDK 25: CPU time in Java and native code)
			  --out DIR      default target/profile
			  --top N        rows of the leaf-frame and thread tables (default 15)
			""";

	private ProfileMain() {
	}

	public static void main(String[] args) {
		System.exit(run(args));
	}

	static int run(String[] args) {
		Instant from = Instant.MIN;
		Instant to = Instant.MAX;
		String event = Samples.EXECUTION_SAMPLE;
		Path out = Path.of("target/profile");
		int top = 15;
		List<Path> recordings = new ArrayList<>();
		try {
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--from" -> from = Instant.parse(value(args, ++i));
					case "--to" -> to = Instant.parse(value(args, ++i));
					case "--event" -> event = value(args, ++i);
					case "--out" -> out = Path.of(value(args, ++i));
					case "--top" -> top = Integer.parseInt(value(args, ++i));
					case "--help" -> {
						System.out.print(USAGE);
						return 0;
					}
					default -> recordings.add(Path.of(args[i]));
				}
			}
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			System.err.println("profile: " + ex.getMessage());
			System.err.print(USAGE);
			return 2;
		}
		if (recordings.isEmpty()) {
			System.err.print(USAGE);
			return 2;
		}
		try {
			Files.createDirectories(out);
			for (Path recording : recordings) {
				System.out.println(write(recording, event, from, to, out, top));
			}
			return 0;
		}
		catch (IOException ex) {
			System.err.println("profile: " + ex.getMessage());
			return 1;
		}
	}

	private static String write(Path recording, String event, Instant from, Instant to, Path out, int top)
			throws IOException {
		String name = recording.getFileName().toString().replaceFirst("\\.jfr$", "");
		Samples samples = Samples.read(recording, event, from, to);
		String title = name + ", " + event;
		Files.write(out.resolve(name + ".collapsed"), samples.lines());
		Files.writeString(out.resolve(name + ".svg"), new FlameGraph(title, samples).svg());
		String summary = new HotFrames(samples).markdown(title, top);
		Files.writeString(out.resolve(name + ".md"), summary);
		return summary;
	}

	private static String value(String[] args, int i) {
		if (i >= args.length) {
			throw new IllegalArgumentException(args[i - 1] + " needs a value");
		}
		return args[i];
	}

}
