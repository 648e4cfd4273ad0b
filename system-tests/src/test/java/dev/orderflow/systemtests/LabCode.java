package dev.orderflow.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code a lab has the learner write, read from the lab's Markdown: a block whose info
 * string names a file ({@code ```java lab-file=payment-service/pom.xml}) is that file,
 * whole; a {@code ```diff lab-patch} block is a change to files that exist, in
 * {@code git apply}'s format. Renderers show only the language of the info string, so the
 * markers cost the reader nothing.
 */
final class LabCode {

	private static final Pattern BLOCK = Pattern.compile("^```(?:\\w+ lab-file=(\\S+)|diff (lab-patch))\\n(.*?)^```$",
			Pattern.DOTALL | Pattern.MULTILINE);

	private final List<Change> changes;

	private LabCode(List<Change> changes) {
		this.changes = changes;
	}

	/**
	 * One file written whole ({@code path} set) or one patch ({@code path} null), in lab
	 * order.
	 */
	record Change(String path, String text) {
	}

	static LabCode of(String markdown) {
		List<Change> changes = new ArrayList<>();
		Matcher matcher = BLOCK.matcher(markdown);
		while (matcher.find()) {
			changes.add(new Change(matcher.group(1), matcher.group(3)));
		}
		return new LabCode(changes);
	}

	List<Change> changes() {
		return this.changes;
	}

	/**
	 * Writes the files and applies the patches to {@code repo}, in the order the lab
	 * gives them.
	 */
	void applyTo(Path repo) throws IOException, InterruptedException {
		for (Change change : this.changes) {
			if (change.path() != null) {
				Path file = repo.resolve(change.path()).normalize();
				if (!file.startsWith(repo)) {
					throw new IllegalStateException("lab-file outside the repository: " + change.path());
				}
				Files.createDirectories(file.getParent());
				Files.writeString(file, change.text(), StandardCharsets.UTF_8);
			}
			else {
				gitApply(repo, change.text());
			}
		}
	}

	private static void gitApply(Path repo, String patch) throws IOException, InterruptedException {
		Path file = Files.createTempFile("lab-patch", ".diff");
		Path log = Files.createTempFile("lab-patch", ".log");
		try {
			Files.writeString(file, patch, StandardCharsets.UTF_8);
			ProcessBuilder builder = new ProcessBuilder("git", "apply", file.toString()).directory(repo.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			// the copy may sit inside a work tree (system-tests/target): git must not
			// take it for a subdirectory of it
			builder.environment().put("GIT_CEILING_DIRECTORIES", repo.getParent().toString());
			if (BoundedCommand.run(builder, Duration.ofSeconds(30), "git apply") != 0) {
				throw new IllegalStateException("git apply failed: " + Files.readString(log) + "\n" + patch);
			}
		}
		finally {
			Files.deleteIfExists(file);
			Files.deleteIfExists(log);
		}
	}

}
