package dev.orderflow.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orderflow.devstack.process.FlightRecording;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command lines the stack starts its JVMs with: {@code up --jfr DIR} records each of
 * them, options placed before the main class or jar; a stack that keeps the same build
 * across restarts runs a service from the copy it started with; a stack on other ports
 * tells its services where the others listen.
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

	@Test
	void aStackThatKeepsItsBuildRestartsTheCopyItStartedEvenWhenTheJarWasRebuilt() throws IOException {
		Installation installation = installation();
		Path jar = installation.jarOf(Component.ORDER_SERVICE);
		Path copy = extracted(jar);
		StackProcess orderService = StackProcess.first(Component.ORDER_SERVICE);
		LocalStack pinned = stack().sameBuildOnRestart(true).build();
		LocalStack plain = stack().build();

		List<String> first = pinned.spec(orderService).command();
		assertThat(first).containsSubsequence("-jar", copy.toString());
		Files.writeString(jar, "the next build, larger than the first");

		assertThat(pinned.spec(orderService).command()).isEqualTo(first);
		// a plain stack starts the new build: this one is no Spring Boot jar, so it runs
		// it as it is, without an extracted copy
		assertThat(plain.spec(orderService).command()).containsSubsequence("-jar", jar.toString());
	}

	@Test
	void theConsolesProxyReachesThisStacksServicesOnItsOwnPorts() {
		StackPorts ports = new StackPorts(19092, 19093, 18081, 18080, 18082, 18083, 13025, 15432, 19000);
		LocalStack stack = stack().ports(ports).build();

		assertThat(stack.spec(StackProcess.first(Component.NOTIFICATION_SERVICE)).environment())
			.containsEntry("SERVER_PORT", "18083")
			.containsEntry("ORDER_SERVICE_URL", "http://127.0.0.1:18080")
			.containsEntry("INVENTORY_SERVICE_URL", "http://127.0.0.1:18082")
			.containsEntry("ORDERFLOW_ISSUER_URI", "http://127.0.0.1:19000");
	}

	/**
	 * A stand-in for a built jar and the copy {@code ServiceJvm} extracted from it, as a
	 * first start leaves them.
	 */
	private static Path extracted(Path jar) throws IOException {
		Files.createDirectories(jar.getParent());
		Files.writeString(jar, "the first build");
		Path cacheDir = jar.resolveSibling("jvm-cache");
		Path copy = cacheDir.resolve("app").resolve(jar.getFileName());
		Files.createDirectories(copy.getParent());
		Files.writeString(copy, "its extracted copy");
		Files.writeString(cacheDir.resolve("jar.stamp"),
				Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis());
		return copy;
	}

	/** The options of the recording, then the main. */
	private String[] recordingThen(String process, String main) {
		List<String> options = new ArrayList<>(new FlightRecording(this.tmp.resolve("jfr")).options(process));
		options.add(main);
		return options.toArray(String[]::new);
	}

	private LocalStack.Builder stack() {
		return LocalStack.builder().installation(installation()).dataDir(this.tmp.resolve("data"));
	}

	private Installation installation() {
		Path repo = this.tmp.resolve("repo");
		return new Installation(repo, repo.resolve("dev-stack/target/lib"), repo.resolve("classes"));
	}

}
