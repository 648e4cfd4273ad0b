package dev.orderflow.eventing.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs zonky's PostgreSQL binaries as an unprivileged OS user when the tests run as root (CI on
 * this project's machines does), because {@code initdb} and {@code postgres} refuse to run as
 * root. zonky 2.1.1 tries {@code unshare -U} for that, which fails wherever user namespaces are
 * disabled (as in many container sandboxes); {@code setpriv} (util-linux, on every Linux) only needs the
 * root privileges we have.
 * <p>
 * The user is {@code nobody} unless the system property {@value #OS_USER_PROPERTY} names another:
 * an existing account, so that the tests never add users to the machine. The binaries are unpacked
 * once per version under {@code java.io.tmpdir/orderflow-postgres}, readable by everyone; each
 * server gets a run directory there owned by that user, deleted when the server stops.
 */
final class UnprivilegedPostgres implements AutoCloseable {

	static final String OS_USER_PROPERTY = "orderflow.test.postgres.os-user";

	private static final Duration INITDB_TIMEOUT = Duration.ofSeconds(120);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

	private static final int START_ATTEMPTS = 3;

	private final Process process;

	private final int port;

	private final Path runDirectory;

	private UnprivilegedPostgres(Process process, int port, Path runDirectory) {
		this.process = process;
		this.port = port;
		this.runDirectory = runDirectory;
	}

	static boolean runningAsRoot() {
		Path status = Path.of("/proc/self/status");
		if (!Files.isReadable(status)) {
			return false;
		}
		try (Stream<String> lines = Files.lines(status)) {
			// "Uid: real effective saved filesystem"
			return lines.filter((line) -> line.startsWith("Uid:"))
				.map((line) -> line.split("\\s+")[2])
				.anyMatch("0"::equals);
		}
		catch (IOException ex) {
			return false;
		}
	}

	static UnprivilegedPostgres start() throws IOException {
		String user = System.getProperty(OS_USER_PROPERTY, "nobody");
		int uid = Integer.parseInt(id("-u", user));
		int gid = Integer.parseInt(id("-g", user));
		List<String> asUser = List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--");
		Path base = Path.of(System.getProperty("java.io.tmpdir"), "orderflow-postgres");
		Path bin = PostgresBinaries.unpack(base).resolve("bin");
		Path run = base.resolve("run-" + UUID.randomUUID());
		Files.createDirectories(run);
		Files.setAttribute(run, "unix:uid", uid);
		Files.setAttribute(run, "unix:gid", gid);
		Path data = run.resolve("data");
		try {
			exec(command(asUser, bin.resolve("initdb").toString(), "-A", "trust", "-U", EmbeddedPostgresServer.USERNAME,
					"-D", data.toString(), "-E", "UTF8", "--locale=C"), run, run.resolve("initdb.log"), INITDB_TIMEOUT);
			IOException last = null;
			for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
				int port = freePort();
				Process postgres = process(command(asUser, bin.resolve("postgres").toString(), "-D", data.toString(),
						"-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
						"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c",
						"timezone=UTC", "-c", "max_connections=300"), run, run.resolve("postgres.log"));
				UnprivilegedPostgres server = new UnprivilegedPostgres(postgres, port, run);
				try {
					server.awaitReady();
					return server;
				}
				catch (IOException ex) {
					// most likely another process took the free port between our probe and the bind
					server.stopProcess();
					last = ex;
				}
			}
			throw last;
		}
		catch (IOException | RuntimeException ex) {
			deleteRecursively(run);
			throw ex;
		}
	}

	int port() {
		return this.port;
	}

	@Override
	public void close() {
		stopProcess();
		deleteRecursively(this.runDirectory);
	}

	private void awaitReady() throws IOException {
		long deadline = System.nanoTime() + EmbeddedPostgresServer.STARTUP_TIMEOUT.toNanos();
		String url = "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres?connectTimeout=2";
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IOException("PostgreSQL exited with " + this.process.exitValue() + ": " + log("postgres.log"));
			}
			try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresServer.USERNAME, "")) {
				return;
			}
			catch (SQLException notYet) {
				pause(Duration.ofMillis(100));
			}
		}
		throw new IOException("PostgreSQL not ready within " + EmbeddedPostgresServer.STARTUP_TIMEOUT + ": "
				+ log("postgres.log"));
	}

	private void stopProcess() {
		try {
			// SIGINT is PostgreSQL's "fast" shutdown: it disconnects the pools that are still open
			exec(List.of("kill", "-INT", Long.toString(this.process.pid())), this.runDirectory, null,
					Duration.ofSeconds(5));
			if (!this.process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (IOException | RuntimeException ex) {
			this.process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private String log(String name) {
		try {
			return Files.readString(this.runDirectory.resolve(name));
		}
		catch (IOException ex) {
			return "(no " + name + ")";
		}
	}

	private static String id(String option, String user) throws IOException {
		Path dir = Path.of(System.getProperty("java.io.tmpdir"));
		Process id = process(List.of("id", option, user), dir, null);
		try {
			if (!id.waitFor(10, TimeUnit.SECONDS) || id.exitValue() != 0) {
				id.destroyForcibly();
				throw new IOException("No OS user " + user + " to run PostgreSQL as (set -D" + OS_USER_PROPERTY + ")");
			}
			return new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
	}

	private static void exec(List<String> command, Path directory, Path log, Duration timeout) throws IOException {
		Process process = process(command, directory, log);
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IOException(String.join(" ", command) + " did not finish within " + timeout);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
		if (process.exitValue() != 0) {
			String output = (log != null) ? Files.readString(log) : "";
			throw new IOException(String.join(" ", command) + " failed with " + process.exitValue() + ": " + output);
		}
	}

	private static Process process(List<String> command, Path directory, Path log) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
		// the C locale exists everywhere; an inherited LANG may name one that is not installed
		builder.environment().put("LC_ALL", "C");
		if (log != null) {
			builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		}
		return builder.start();
	}

	private static List<String> command(List<String> prefix, String... command) {
		List<String> all = new ArrayList<>(prefix);
		all.addAll(List.of(command));
		return all;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void pause(Duration duration) throws IOException {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while waiting for PostgreSQL", ex);
		}
	}

	static void deleteRecursively(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> files = Files.walk(path)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// a leftover directory in the temp dir is harmless
		}
	}

}
