package dev.orderflow.devstack.postgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.orderflow.devstack.process.DirectoryTree;

/**
 * A throw-away PostgreSQL server for tests, on a free port, run by the
 * {@link PostgresUser unprivileged user} (tests that run as root use it; zonky's launcher
 * needs user namespaces for that). Its run directory under
 * {@code java.io.tmpdir/orderflow-postgres}, owned by that user, is deleted when the
 * server stops. Durability is traded for speed: a test database never survives the
 * server.
 */
public final class UnprivilegedPostgres implements AutoCloseable {

	/** How long the server gets to accept connections. */
	public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

	private static final int START_ATTEMPTS = 3;

	private static final Map<String, String> FAST = Map.of("fsync", "off", "synchronous_commit", "off",
			"full_page_writes", "off");

	private final Process process;

	private final int port;

	private final Path runDirectory;

	private UnprivilegedPostgres(Process process, int port, Path runDirectory) {
		this.process = process;
		this.port = port;
		this.runDirectory = runDirectory;
	}

	public static UnprivilegedPostgres start() throws IOException {
		PostgresUser user = PostgresUser.unprivileged();
		Path base = PostgresBinaries.defaultBase();
		Path run = base.resolve("run-" + UUID.randomUUID());
		PostgresCluster cluster = new PostgresCluster(PostgresBinaries.unpack(base).resolve("bin"), user,
				run.resolve("data"));
		try {
			user.own(run);
			cluster.initIfNeeded(run.resolve("initdb.log"));
			IOException last = null;
			for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
				int port = freePort();
				ProcessBuilder builder = new ProcessBuilder(cluster.serverCommand(port, FAST)).directory(run.toFile())
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(run.resolve("postgres.log").toFile()));
				builder.environment().putAll(PostgresCluster.environment());
				UnprivilegedPostgres server = new UnprivilegedPostgres(builder.start(), port, run);
				try {
					server.awaitReady();
					return server;
				}
				catch (IOException ex) {
					// most likely another process took the free port between our probe
					// and the bind
					server.stopProcess();
					last = ex;
				}
			}
			throw last;
		}
		catch (IOException | RuntimeException ex) {
			DirectoryTree.deleteQuietly(run);
			throw ex;
		}
	}

	public int port() {
		return this.port;
	}

	@Override
	public void close() {
		stopProcess();
		DirectoryTree.deleteQuietly(this.runDirectory);
	}

	private void awaitReady() throws IOException {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IOException("PostgreSQL exited with " + this.process.exitValue() + ": " + log());
			}
			if (Postgres.acceptsConnections(this.port)) {
				return;
			}
			pause(Duration.ofMillis(100));
		}
		throw new IOException("PostgreSQL not ready within " + STARTUP_TIMEOUT + ": " + log());
	}

	private void stopProcess() {
		try {
			// SIGINT is PostgreSQL's "fast" shutdown: it disconnects the pools that are
			// still open
			PostgresCluster.run(List.of("kill", "-INT", Long.toString(this.process.pid())), this.runDirectory, null,
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

	private String log() {
		try {
			return Files.readString(this.runDirectory.resolve("postgres.log"));
		}
		catch (IOException ex) {
			return "(no postgres.log)";
		}
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

}
