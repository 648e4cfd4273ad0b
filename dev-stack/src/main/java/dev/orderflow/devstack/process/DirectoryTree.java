package dev.orderflow.devstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Deleting a directory with everything in it, which {@link Files} has no single call for.
 */
public final class DirectoryTree {

	private DirectoryTree() {
	}

	/**
	 * Deletes {@code root} and all below it, deepest first; nothing happens when it does
	 * not exist.
	 */
	public static void delete(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/**
	 * As {@link #delete}, for leftovers (e.g. in the temp directory) whose removal may
	 * fail harmlessly.
	 */
	public static void deleteQuietly(Path root) {
		try {
			delete(root);
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			// a leftover directory is harmless
		}
	}

}
