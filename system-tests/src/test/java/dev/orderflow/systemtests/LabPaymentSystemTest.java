package dev.orderflow.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;

import dev.orderflow.devstack.Installation;
import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.process.DirectoryTree;

/**
 * Lab 07 adds a fourth service, so it runs on a copy of the repository: the files git
 * tracks, the jars of the modules the lab does not change, every {@code lab-file} of the
 * lab written and every {@code lab-patch} applied ({@link LabCode}). Its lab-run blocks
 * then build the copy and start the stack and payment-service from it, as a learner
 * would. Maven runs offline and installs into a local repository of the copy's own,
 * falling back to {@code ~/.m2} for everything else, so the main build's artifacts stay
 * as they are.
 */
@Timeout(value = 7, unit = TimeUnit.MINUTES)
class LabPaymentSystemTest extends LabDocs {

	private static final String LAB = "07-payment-service.md";

	private static final Path COPY = Path.of("target", "lab07-repo").toAbsolutePath();

	private static final Path LOCAL_REPOSITORY = Path.of("target", "lab07-m2").toAbsolutePath();

	/**
	 * The jars of the modules the lab leaves alone, and the launcher with the broker's
	 * libraries.
	 */
	private static final List<String> BUILT = List.of("dev-stack/target/dev-stack-0.1.0-SNAPSHOT.jar",
			"dev-stack/target/lib", "schema-registry/target/schema-registry-0.1.0-SNAPSHOT.jar",
			"auth-server/target/auth-server-0.1.0-SNAPSHOT.jar",
			"inventory-service/target/inventory-service-0.1.0-SNAPSHOT.jar",
			"notification-service/target/notification-service-0.1.0-SNAPSHOT.jar");

	/** The whole lab, building included, on two cores. */
	private static final Duration BUDGET = Duration.ofMinutes(6);

	private Instant deadline = Instant.now().plus(BUDGET);

	@Override
	List<String> labs() {
		return List.of(LAB);
	}

	@Override
	String stackName() {
		return "lab-payment-stack";
	}

	@Override
	Path repo() {
		return COPY;
	}

	/** Prepares the copy; the lab's step 5 starts the stack from it. */
	@Override
	LocalStack stack() {
		this.deadline = Instant.now().plus(BUDGET);
		try {
			DirectoryTree.delete(COPY);
			DirectoryTree.delete(LOCAL_REPOSITORY);
			copyTrackedFiles();
			for (String built : BUILT) {
				copyTree(REPO.resolve(built), COPY.resolve(built));
			}
			LabCode.of(Files.readString(REPO.resolve("docs/labs").resolve(LAB))).applyTo(COPY);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return PackagedStack.notStarted(stackName(),
				new Installation(COPY, COPY.resolve("dev-stack/target/lib"), COPY.resolve(BUILT.get(0))));
	}

	/**
	 * A block that builds or starts the stack takes minutes; all of them together get
	 * {@link #BUDGET}.
	 */
	@Override
	long blockTimeoutSeconds() {
		return Math.max(1, Math.min(240, Duration.between(Instant.now(), this.deadline).toSeconds()));
	}

	@Override
	void environment(Map<String, String> environment) {
		// the outer build's Maven must not point the lab's ./mvnw at /work/main
		environment.remove("MAVEN_PROJECTBASEDIR");
		environment.remove("MAVEN_BASEDIR");
		Path userRepository = Path.of(System.getProperty("user.home"), ".m2", "repository");
		environment.put("MAVEN_ARGS", "-o -Dmaven.repo.local=" + LOCAL_REPOSITORY + " -Dmaven.repo.local.tail="
				+ System.getProperty("maven.repo.local", userRepository.toString()));
		// the copy is deleted before the next run: its services need not write a start-up
		// cache when they stop
		environment.put("ORDERFLOW_STARTUP_CACHE", "off");
	}

	@Override
	Map<String, String> labPidFiles() {
		return Map.of("lab07/payment-service.pid", "payment-service");
	}

	private static void copyTrackedFiles() throws IOException, InterruptedException {
		Path list = Files.createTempFile("lab07-files", ".txt");
		try {
			ProcessBuilder git = new ProcessBuilder("git", "-C", REPO.toString(), "ls-files", "-z")
				.redirectOutput(list.toFile())
				.redirectError(ProcessBuilder.Redirect.INHERIT);
			if (BoundedCommand.run(git, Duration.ofSeconds(30), "git ls-files in " + REPO) != 0) {
				throw new IllegalStateException("git ls-files failed in " + REPO);
			}
			for (String file : Files.readString(list, StandardCharsets.UTF_8).split("\0")) {
				Path source = REPO.resolve(file);
				// a tracked file deleted in the working tree is deleted in the copy too
				if (!file.isEmpty() && Files.isRegularFile(source)) {
					copy(source, COPY.resolve(file));
				}
			}
		}
		finally {
			Files.deleteIfExists(list);
		}
	}

	private static void copyTree(Path source, Path target) throws IOException {
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				copy(file, target.resolve(source.relativize(file).toString()));
			}
		}
	}

	private static void copy(Path source, Path target) throws IOException {
		Files.createDirectories(target.getParent());
		// attributes too: mvnw and orderflow stay executable
		Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
	}

}
