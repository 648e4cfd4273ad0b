package dev.orderflow.devstack;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * Where the built artifacts are: the repository root, dev-stack's runtime libraries
 * ({@code dev-stack/target/lib}, the broker's classpath) and the services' runnable jars.
 *
 * @param repoRoot the repository root
 * @param libDir the directory holding dev-stack's runtime jars (Kafka, GreenMail, log4j)
 * @param ownCode dev-stack's own classes: its jar or {@code target/classes}
 */
public record Installation(Path repoRoot, Path libDir, Path ownCode) {

	static final String VERSION = "0.1.0-SNAPSHOT";

	/**
	 * Finds the installation from where this class was loaded, or, when dev-stack was
	 * taken from the local Maven repository, from the working directory upwards. The
	 * system property {@code orderflow.repo} (set by the {@code orderflow} script) wins.
	 */
	public static Installation locate() {
		Path ownCode = ownCodeLocation();
		Path repoRoot = Optional.ofNullable(System.getProperty("orderflow.repo"))
			.map(Path::of)
			.or(() -> repoRootAbove(ownCode))
			.or(() -> repoRootAbove(Path.of(System.getProperty("user.dir"))))
			.orElseThrow(() -> new IllegalStateException(
					"Cannot find the orderflow repository (a directory holding dev-stack/target/lib); "
							+ "build it with ./mvnw -q -B -DskipTests install, or run from inside the repository"));
		return new Installation(repoRoot.toAbsolutePath().normalize(),
				repoRoot.resolve("dev-stack/target/lib").toAbsolutePath().normalize(), ownCode);
	}

	/**
	 * The runnable jar of a service, e.g.
	 * {@code order-service/target/order-service-0.1.0-SNAPSHOT.jar}.
	 */
	public Path jarOf(Component service) {
		return this.repoRoot.resolve(service.id()).resolve("target").resolve(service.id() + "-" + VERSION + ".jar");
	}

	/** Why a service cannot be started from its jar, if it cannot. */
	public Optional<String> problemWithJarOf(Component service) {
		Path jar = jarOf(service);
		if (!Files.isRegularFile(jar)) {
			return Optional.of(service.id() + ": no jar at " + jar);
		}
		try (JarFile file = new JarFile(jar.toFile())) {
			boolean runnable = file.getManifest() != null
					&& file.getManifest().getMainAttributes().getValue("Main-Class") != null;
			return runnable ? Optional.empty()
					: Optional.of(service.id() + ": " + jar + " is not a runnable jar (no Main-Class)");
		}
		catch (IOException ex) {
			return Optional.of(service.id() + ": cannot read " + jar + " (" + ex.getMessage() + ")");
		}
	}

	/** The classpath of processes that run dev-stack's own mains (the SMTP catcher). */
	public String ownClasspath() {
		return this.ownCode + File.pathSeparator + brokerClasspath();
	}

	/** The broker's classpath: every runtime jar, Kafka's core and tools included. */
	public String brokerClasspath() {
		return this.libDir.resolve("*").toString();
	}

	/**
	 * Whether {@code dev-stack/target/lib} holds the broker (it is filled when dev-stack
	 * is built).
	 */
	public boolean hasLibraries() {
		try (var files = Files.list(this.libDir)) {
			return files.anyMatch((p) -> p.getFileName().toString().startsWith("kafka_2.13-"));
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Path ownCodeLocation() {
		try {
			return Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Optional<Path> repoRootAbove(Path start) {
		// bounded: a path has few ancestors
		for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve("dev-stack").resolve("target").resolve("lib"))) {
				return Optional.of(dir);
			}
		}
		return Optional.empty();
	}

}
