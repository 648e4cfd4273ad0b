package dev.orderflow.checks;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root, found from the module's directory (Maven runs tests there). */
final class RepositoryRoot {

	private RepositoryRoot() {
	}

	static Path find() {
		Path here = Path.of("").toAbsolutePath();
		for (Path dir = here; dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("repository-checks"))) {
				return dir;
			}
		}
		throw new IllegalStateException("No repository root (with mvnw and repository-checks/) above " + here);
	}

}
