package dev.orderflow.devstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * How dev-stack runs a Spring Boot service: JVM options sized for a laptop running five
 * JVMs, and a class-data cache so that every start after the first is faster
 * (docs/performance.md, "Start-up and memory").
 * <p>
 * The cache is the JDK's own: on JDK 25 and later an AOT cache (JEP 483/514:
 * {@code -XX:AOTCacheOutput} on the first run, {@code -XX:AOTCache} after it), on older
 * JDKs a dynamic CDS archive ({@code -XX:ArchiveClassesAtExit}, then
 * {@code -XX:SharedArchiveFile}). Both need classes loaded from plain jars, not from
 * inside the Spring Boot jar, so the jar is first extracted with Spring Boot's
 * {@code -Djarmode=tools extract}. The first run records the classes the service really
 * loads and the JVM writes the cache when that run stops (on {@code ./orderflow down}); a
 * killed process writes nothing and the next start records again. Everything lives in
 * {@code <service>/target/jvm-cache/}, so rebuilding the service (a new jar) starts a new
 * cache and {@code ./mvnw clean} removes it.
 */
public final class ServiceJvm {

	/**
	 * The collector and compiler of a small JVM on two shared cores: the serial collector
	 * (no GC threads) and the C1 compiler alone (no C2 compile threads; it compiles
	 * sooner). The services run with them ({@link #OPTIONS}), and so do the stack's
	 * smaller JVMs (the SMTP catcher, Kafka's storage format tool).
	 */
	public static final List<String> SMALL_JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

	/**
	 * Measured with the bench (docs/performance.md, "Start-up and memory"): a heap the
	 * services need under the bench with room to spare; the serial collector (no
	 * concurrent GC threads, smaller GC structures: suits 2 cores and small heaps);
	 * smaller thread stacks and code cache; and only the C1 compiler: five JVMs on a
	 * laptop spent more CPU compiling with C2 than C2's code saved them (saga 143.9 vs
	 * 95.7 orders/s, ready 3.8 vs 5.3 s, RSS 294 vs 360 MiB). Production images (k8s/)
	 * keep the JVM's defaults.
	 * <p>
	 * One more is about memory, not speed: a thread that writes a heap buffer to a file
	 * or socket borrows a direct buffer of the same size, and the JDK keeps it for that
	 * thread's next write. Every request thread commits to H2 and so writes H2's chunks:
	 * some 180 threads came to hold 128 MiB of direct memory, the limit that
	 * {@code -Xmx128m} implies, and order-service failed after 36,000 orders of the soak
	 * ("Cannot reserve ... direct buffer memory", H2 closed). With a cap of 256 KiB they
	 * still held 44 MiB after 4 minutes; with {@code 0} (no borrowed buffer is kept) the
	 * direct memory stayed at 0 at 60 orders/s. The production image sets the same
	 * (Dockerfile).
	 */
	static final List<String> OPTIONS = java.util.stream.Stream
		.concat(SMALL_JVM.stream(),
				java.util.stream.Stream.of("-Xms32m", "-Xmx128m", "-Xss512k", "-XX:ReservedCodeCacheSize=64m",
						"-XX:MaxMetaspaceSize=192m", "-Djdk.nio.maxCachedBufferSize=0"))
		.toList();

	/**
	 * glibc gives busy threads malloc arenas of their own, up to 8 per core, which the
	 * JVM's native allocations (JIT, Kafka's buffers) then fragment; two are enough for a
	 * service here.
	 */
	public static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

	private static final String STAMP = "jar.stamp";

	/**
	 * How long a JVM that writes its start-up cache as it stops may take: 12 to 14 s on
	 * its own here, more while other services write theirs on the same two cores. Killed
	 * at the usual grace, it writes nothing and the next start records again.
	 */
	public static final Duration CACHE_WRITE_GRACE = Duration.ofSeconds(60);

	private final int javaFeatureVersion;

	public ServiceJvm(int javaFeatureVersion) {
		this.javaFeatureVersion = javaFeatureVersion;
	}

	/** For the Java that runs dev-stack, which is the one it starts the services with. */
	public static ServiceJvm current() {
		return new ServiceJvm(Runtime.version().feature());
	}

	/**
	 * The options and the main jar to append to {@code java}: runs {@code bootJar} from
	 * its extracted copy with the class-data cache, or, when it cannot be extracted, from
	 * the jar itself without one.
	 */
	public List<String> launch(Path bootJar, Consumer<String> progress) {
		return launch(bootJar, true, progress);
	}

	/**
	 * As {@link #launch(Path, Consumer)}; {@code recordCache} false for the second and
	 * later instances of a service, which use a cache once there is one but never write
	 * it: two JVMs writing the same cache file when they stop would spoil it.
	 */
	public List<String> launch(Path bootJar, boolean recordCache, Consumer<String> progress) {
		List<String> options = new ArrayList<>(OPTIONS);
		// to try other options without rebuilding, e.g.
		// ORDERFLOW_SERVICE_JAVA_OPTS=-Xmx256m ./orderflow up -d
		options.addAll(extraOptions("ORDERFLOW_SERVICE_JAVA_OPTS"));
		Path cacheDir = bootJar.resolveSibling("jvm-cache");
		try {
			Path extracted = extractIfStale(bootJar, cacheDir);
			List<String> cache = cacheOptions(cacheDir);
			if (recordCache || isReading(cache)) {
				options.addAll(cache);
			}
			options.addAll(List.of("-jar", extracted.toString()));
		}
		catch (IOException | UncheckedIOException ex) {
			progress.accept(bootJar.getFileName() + ": no start-up cache (" + ex.getMessage() + ")");
			options.addAll(List.of("-jar", bootJar.toString()));
		}
		return options;
	}

	/**
	 * JVM options a user appends through an environment variable, split at blanks; none
	 * when it is unset or blank. Appended after the defaults, so they win.
	 */
	public static List<String> extraOptions(String variable) {
		String extra = System.getenv(variable);
		return (extra == null || extra.isBlank()) ? List.of() : List.of(extra.trim().split("\\s+"));
	}

	/**
	 * The cache options for this JDK: use the cache once a previous run wrote it, else
	 * record one.
	 */
	List<String> cacheOptions(Path cacheDir) {
		if (this.javaFeatureVersion >= 25) {
			Path cache = cacheDir.resolve("app.aot");
			return List.of(Files.isRegularFile(cache) ? "-XX:AOTCache=" + cache : "-XX:AOTCacheOutput=" + cache);
		}
		Path archive = cacheDir.resolve("app.jsa");
		return List.of(Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive
				: "-XX:ArchiveClassesAtExit=" + archive);
	}

	/**
	 * Whether a JVM started with this command line writes its start-up cache when it
	 * stops.
	 */
	public static boolean recordsCache(String commandLine) {
		return commandLine.contains("-XX:ArchiveClassesAtExit=") || commandLine.contains("-XX:AOTCacheOutput=");
	}

	private static boolean isReading(List<String> cacheOptions) {
		return cacheOptions.stream()
			.anyMatch((option) -> option.startsWith("-XX:AOTCache=") || option.startsWith("-XX:SharedArchiveFile="));
	}

	/**
	 * Extracts the jar into {@code cacheDir/app} unless that was done for this very jar
	 * (same size and modification time); a new jar throws away the old extraction and
	 * cache.
	 */
	Path extractIfStale(Path bootJar, Path cacheDir) throws IOException {
		String stamp = Files.size(bootJar) + " " + Files.getLastModifiedTime(bootJar).toMillis();
		Path app = cacheDir.resolve("app");
		Path extractedJar = app.resolve(bootJar.getFileName());
		Path stampFile = cacheDir.resolve(STAMP);
		if (Files.isRegularFile(extractedJar) && Files.isRegularFile(stampFile)
				&& Files.readString(stampFile).equals(stamp)) {
			return extractedJar;
		}
		DirectoryTree.delete(cacheDir);
		Files.createDirectories(cacheDir);
		Process extract = new ProcessBuilder(JavaCommand.javaExecutable(), "-Djarmode=tools", "-jar",
				bootJar.toString(), "extract", "--destination", app.toString())
			.redirectErrorStream(true)
			.redirectOutput(cacheDir.resolve("extract.log").toFile())
			.start();
		try {
			if (!extract.waitFor(60, TimeUnit.SECONDS) || extract.exitValue() != 0
					|| !Files.isRegularFile(extractedJar)) {
				extract.destroyForcibly();
				throw new IOException("extracting " + bootJar + " failed, see " + cacheDir.resolve("extract.log"));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			extract.destroyForcibly();
			throw new IOException("interrupted while extracting " + bootJar);
		}
		Files.writeString(stampFile, stamp);
		return extractedJar;
	}

}
