package dev.orderflow.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
		return logs().resolve(component.id() + ".log");
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

	/** Deletes everything under the data directory (for {@code up --clean}). */
	public void wipe() {
		try {
			DirectoryTree.delete(this.root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot wipe the data directory " + this.root, ex);
		}
	}

}
