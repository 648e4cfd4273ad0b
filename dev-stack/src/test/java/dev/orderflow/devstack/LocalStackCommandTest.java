package dev.orderflow.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orderflow.devstack.process.FlightRecording;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command lines the stack starts its JVMs with: {@code up --jfr DIR} records each of
 * them, options placed before the main class or jar.
 */
class LocalStackCommandTest {

	@TempDir
	Path tmp;

	@Test
	void recordsEveryJvmWithFlightRecorderWhenAsked() {
		LocalStack stack = stack().flightRecordings(this.tmp.resolve("jfr")).build();

		List<String> service = stack.spec(StackProcess.first(Component.ORDER_SERVICE)).command();
		assertThat(service).containsSubsequence(recordingThen("order-service", "-jar"));
		List<String> smtp = stack.spec(StackProcess.first(Component.SMTP)).command();
		assertThat(smtp).containsSubsequence(recordingThen("smtp", "-cp"));
		// the JVM would not start if it could not write there
		assertThat(this.tmp.resolve("jfr")).isDirectory();
	}

	@Test
	void recordsNothingByDefault() {
		LocalStack stack = stack().build();

		assertThat(stack.spec(StackProcess.first(Component.ORDER_SERVICE)).command())
			.noneMatch((option) -> option.contains("FlightRecord"));
	}

	/** The options of the recording, then the main. */
	private String[] recordingThen(String process, String main) {
		List<String> options = new ArrayList<>(new FlightRecording(this.tmp.resolve("jfr")).options(process));
		options.add(main);
		return options.toArray(String[]::new);
	}

	private LocalStack.Builder stack() {
		Path repo = this.tmp.resolve("repo");
		return LocalStack.builder()
			.installation(new Installation(repo, repo.resolve("dev-stack/target/lib"), repo.resolve("classes")))
			.dataDir(this.tmp.resolve("data"));
	}

}
