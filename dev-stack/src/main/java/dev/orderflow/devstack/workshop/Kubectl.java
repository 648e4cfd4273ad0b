package dev.orderflow.devstack.workshop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code kubectl} for lab 08's check. An interface so the check can be tested on a
 * machine without kubectl or a cluster, which is also the machine the build runs on.
 */
interface Kubectl {

	/** What kubectl said and how it ended. */
	record Result(int exitCode, String out, String err) {

		boolean ok() {
			return this.exitCode == 0;
		}

		/** The first line kubectl wrote to stderr, to quote in a hint. */
		String firstErrorLine() {
			return this.err.lines().filter((line) -> !line.isBlank()).findFirst().orElse("exit code " + this.exitCode);
		}

	}

	/**
	 * Runs {@code kubectl ARGS} in {@code workDir}.
	 * @return empty when there is no kubectl on the PATH
	 */
	Optional<Result> run(Path workDir, List<String> args);

	static Kubectl onPath() {
		return new Process("kubectl", Duration.ofSeconds(30));
	}

	/**
	 * The real thing: a child process, its output in temporary files, killed when it
	 * hangs.
	 */
	final class Process implements Kubectl {

		private final String executable;

		private final Duration timeout;

		Process(String executable, Duration timeout) {
			this.executable = executable;
			this.timeout = timeout;
		}

		@Override
		public Optional<Result> run(Path workDir, List<String> args) {
			List<String> command = new ArrayList<>();
			command.add(this.executable);
			command.addAll(args);
			Path out = null;
			Path err = null;
			try {
				// files rather than pipes: no reader threads, and a full pipe can never
				// stall kubectl
				out = Files.createTempFile("orderflow-kubectl", ".out");
				err = Files.createTempFile("orderflow-kubectl", ".err");
				java.lang.Process process;
				try {
					process = new ProcessBuilder(command).directory(workDir.toFile())
						.redirectOutput(out.toFile())
						.redirectError(err.toFile())
						.start();
				}
				catch (IOException ex) {
					// "Cannot run program": not installed, or not on the PATH
					return Optional.empty();
				}
				if (!process.waitFor(this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
					process.destroyForcibly();
					return Optional.of(new Result(-1, "", "kubectl " + String.join(" ", args) + " gave no answer in "
							+ this.timeout.toSeconds() + " s"));
				}
				return Optional.of(new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
						Files.readString(err, StandardCharsets.UTF_8)));
			}
			catch (IOException ex) {
				return Optional.of(new Result(-1, "", ex.getMessage()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.of(new Result(-1, "", "interrupted"));
			}
			finally {
				delete(out);
				delete(err);
			}
		}

		private static void delete(Path file) {
			try {
				if (file != null) {
					Files.deleteIfExists(file);
				}
			}
			catch (IOException ex) {
				// a temporary file left behind is harmless; the check's answer matters
				// more
			}
		}

	}

}
