package dev.orderflow.bench;

import java.io.IOException;

/**
 * {@code java -jar bench.jar [options]}: see {@link BenchOptions#USAGE}. Exit code 0 when
 * every order reached a terminal state without error, 1 otherwise, 2 on a bad command
 * line.
 */
public final class BenchMain {

	private BenchMain() {
	}

	public static void main(String[] args) {
		// the Kafka clients are chatty at INFO; the bench prints its own progress
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		System.exit(run(args));
	}

	static int run(String[] args) {
		BenchOptions options;
		try {
			options = BenchOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("bench: " + ex.getMessage());
			System.err.print(BenchOptions.USAGE);
			return 2;
		}
		if (options.help()) {
			System.out.print(BenchOptions.USAGE);
			return 0;
		}
		try (Progress progress = Progress.onConsole(System.out)) {
			BenchReport report = new Bench(options, System.out, progress).run(String.join(" ", args));
			boolean clean = report.scenarios().stream().allMatch((s) -> s.errors() == 0);
			return clean ? 0 : 1;
		}
		catch (IOException | IllegalStateException ex) {
			System.err.println("bench: " + ex.getMessage());
			return 1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 130;
		}
	}

}
