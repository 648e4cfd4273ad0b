package dev.orderflow.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.UUID;

import dev.orderflow.devstack.postgres.PostgresBinaries;
import dev.orderflow.devstack.postgres.PostgresUser;
import dev.orderflow.devstack.process.DirectoryTree;

/**
 * The local stack's state on disk, kept across restarts: broker data, service databases,
 * logs, received mail, pid files and generated configuration.
 *
 * @param root the data directory, {@code .orderflow/} in the repository by default
 */
public record DataDir(Path root) {

	public DataDir {
		root = root.toAbsolutePath().normalize();
	}

	public Path kafka() {
		return this.root.resolve("kafka");
	}

	/**
	 * The log directory of broker k: {@code kafka/} for the first, {@code kafka-2/} ...
	 * for the others.
	 */
	public Path kafka(int broker) {
		return (broker == 1) ? kafka() : this.root.resolve("kafka-" + broker);
	}

	/**
	 * PostgreSQL's data directory: {@code postgres/}, unless we are root and the
	 * unprivileged user who then runs PostgreSQL cannot reach it (e.g. under a home or
	 * temp directory only root may enter); then a directory of this data directory's own
	 * under {@code java.io.tmpdir}.
	 */
	public Path postgres() {
		Path inside = this.root.resolve("postgres");
		if (!PostgresUser.runningAsRoot() || reachableByEveryone(this.root)) {
			return inside;
		}
		String key = UUID.nameUUIDFromBytes(this.root.toString().getBytes(StandardCharsets.UTF_8)).toString();
		return PostgresBinaries.defaultBase().resolve("cluster-" + key.substring(0, 8)).resolve("data");
	}

	public Path db() {
		return this.root.resolve("db");
	}

	public Path logs() {
		return this.root.resolve("logs");
	}

	public Path mail() {
		return this.root.resolve("mail");
	}

	public Path run() {
		return this.root.resolve("run");
	}

	public Path config() {
		return this.root.resolve("config");
	}

	public Path log(Component component) {
		return log(StackProcess.first(component));
	}

	/** {@code logs/order-service.log}, {@code logs/order-service-2.log}, ... */
	public Path log(StackProcess process) {
		return logs().resolve(process.name() + ".log");
	}

	/** {@code run/order-service.pid}, {@code run/order-service-2.pid}, ... */
	public Path pid(StackProcess process) {
		return run().resolve(process.name() + ".pid");
	}

	public void create() {
		try {
			for (Path dir : new Path[] { kafka(), db(), logs(), mail(), run(), config() }) {
				Files.createDirectories(dir);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data directory " + this.root, ex);
		}
	}

	/**
	 * Deletes everything under the data directory (for {@code up --clean}), and
	 * PostgreSQL's data wherever it is.
	 */
	public void wipe() {
		try {
			DirectoryTree.delete(postgres());
			DirectoryTree.delete(this.root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot wipe the data directory " + this.root, ex);
		}
	}

	private static boolean reachableByEveryone(Path directory) {
		try {
			for (Path dir = directory; dir != null; dir = dir.getParent()) {
				if (Files.exists(dir)
						&& !Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
					return false;
				}
			}
			return true;
		}
		catch (IOException | UnsupportedOperationException ex) {
			return false;
		}
	}

}
