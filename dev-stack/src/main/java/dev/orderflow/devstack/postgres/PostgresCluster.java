package dev.orderflow.devstack.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL data directory and how to run the server on it: created by {@code initdb}
 * once (trust authentication, superuser {@value Postgres#USERNAME}, UTF-8, the C locale
 * that exists everywhere), then served on 127.0.0.1 only, by {@link PostgresUser the
 * right OS user}.
 *
 * @param bin the binaries' {@code bin/} directory
 * @param user who runs them
 * @param data the data directory ({@code -D})
 */
public record PostgresCluster(Path bin, PostgresUser user, Path data) {

	private static final Duration INITDB_TIMEOUT = Duration.ofSeconds(120);

	/** A cluster in {@code data}, with the binaries unpacked to their default place. */
	public static PostgresCluster in(Path data) throws IOException {
		return new PostgresCluster(PostgresBinaries.unpack(PostgresBinaries.defaultBase()).resolve("bin"),
				PostgresUser.forThisProcess(), data);
	}

	public boolean isInitialized() {
		return Files.isRegularFile(this.data.resolve("PG_VERSION"));
	}

	/**
	 * Runs {@code initdb} unless the data directory holds a cluster already (data
	 * survives restarts).
	 * @param log where initdb's output is appended
	 * @return true when it created the cluster
	 */
	public boolean initIfNeeded(Path log) throws IOException {
		if (isInitialized()) {
			return false;
		}
		this.user.own(this.data);
		run(this.user.command(List.of(this.bin.resolve("initdb").toString(), "-A", "trust", "-U", Postgres.USERNAME,
				"-D", this.data.toString(), "-E", "UTF8", "--locale=C")), this.data.getParent(), log, INITDB_TIMEOUT);
		return true;
	}

	/**
	 * The command line of the server on {@code port}, TCP on 127.0.0.1 only (no Unix
	 * socket: its default directory is not writable by an unprivileged user), plus
	 * {@code settings} ({@code -c}).
	 */
	public List<String> serverCommand(int port, Map<String, String> settings) {
		List<String> command = new ArrayList<>(List.of(this.bin.resolve("postgres").toString(), "-D",
				this.data.toString(), "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c",
				"unix_socket_directories=", "-c", "timezone=UTC", "-c", "max_connections=300"));
		settings.forEach((key, value) -> command.addAll(List.of("-c", key + "=" + value)));
		return this.user.command(command);
	}

	/**
	 * Whether a process's command line is the server of the cluster in {@code data} (pids
	 * get reused).
	 */
	public static boolean isServerOf(Path data, String commandLine) {
		return commandLine.contains("postgres -D " + data + " ");
	}

	/**
	 * The environment PostgreSQL's programs need: the C locale exists everywhere, an
	 * inherited LANG may not.
	 */
	public static Map<String, String> environment() {
		return Map.of("LC_ALL", "C");
	}

	/**
	 * Runs a command to its end, its output appended to {@code log} (if any); fails on a
	 * non-zero exit.
	 */
	static void run(List<String> command, Path directory, Path log, Duration timeout) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
		builder.environment().putAll(environment());
		builder.redirectOutput(
				(log != null) ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.DISCARD);
		Process process = builder.start();
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
			String output = (log != null && Files.isReadable(log)) ? Files.readString(log) : "";
			throw new IOException(String.join(" ", command) + " failed with " + process.exitValue() + ": " + output);
		}
	}

}
