package dev.orderflow.events.history;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

import dev.orderflow.schemaregistry.compatibility.AvroCompatibilityChecker;
import dev.orderflow.schemaregistry.compatibility.CompatibilityLevel;

/**
 * The released versions of every event schema, kept as {@code <subject>/v<N>.avsc} with
 * each subject's level in {@code compatibility.properties}, and the check that a current
 * schema may follow them, using the same {@link AvroCompatibilityChecker} as the registry
 * so the build refuses what the registry would refuse.
 */
final class SchemaHistory {

	static final String LEVELS_FILE = "compatibility.properties";

	static final String DEFAULT_KEY = "default";

	private static final Pattern VERSION_FILE = Pattern.compile("v([1-9][0-9]*)\\.avsc");

	/** What the check found for one subject. */
	enum Outcome {

		/** The current schema is the latest released version. */
		RELEASED,
		/**
		 * The current schema differs from the latest released version but may follow it.
		 */
		CANDIDATE,
		/** The current schema breaks the subject's compatibility level. */
		INCOMPATIBLE,
		/** The subject has no released version. */
		NO_HISTORY;

		boolean fails() {
			return this == INCOMPATIBLE || this == NO_HISTORY;
		}

	}

	record Verdict(String subject, Outcome outcome, String message) {
	}

	private final Path directory;

	private final Map<String, List<Schema>> versionsBySubject;

	private final Properties levels;

	private final List<String> problems;

	private SchemaHistory(Path directory, Map<String, List<Schema>> versionsBySubject, Properties levels,
			List<String> problems) {
		this.directory = directory;
		this.versionsBySubject = versionsBySubject;
		this.levels = levels;
		this.problems = problems;
	}

	/**
	 * Reads the history under {@code directory}, collecting what is wrong with it (gaps
	 * in versions, unparsable files, unknown levels or subjects, released versions that
	 * break their own level) in {@link #problems()}.
	 */
	static SchemaHistory load(Path directory) throws IOException {
		List<String> problems = new ArrayList<>();
		Map<String, List<Schema>> versionsBySubject = new TreeMap<>();
		try (Stream<Path> subjects = Files.list(directory)) {
			for (Path subject : subjects.filter(Files::isDirectory).sorted().toList()) {
				versionsBySubject.put(subject.getFileName().toString(), readVersions(subject, problems));
			}
		}
		Properties levels = new Properties();
		Path levelsFile = directory.resolve(LEVELS_FILE);
		if (Files.exists(levelsFile)) {
			try (Reader reader = Files.newBufferedReader(levelsFile)) {
				levels.load(reader);
			}
		}
		SchemaHistory history = new SchemaHistory(directory, versionsBySubject, levels, problems);
		history.checkLevels();
		history.checkReleasedVersions();
		return history;
	}

	/** What is wrong with the history itself; empty when it is sound. */
	List<String> problems() {
		return this.problems;
	}

	/** The released versions of the subject, v1 first; empty when none. */
	List<Schema> versions(String subject) {
		return this.versionsBySubject.getOrDefault(subject, List.of());
	}

	/**
	 * The subject's level from {@code compatibility.properties}, else its
	 * {@code default}, else BACKWARD.
	 */
	CompatibilityLevel levelOf(String subject) {
		String level = this.levels.getProperty(subject, this.levels.getProperty(DEFAULT_KEY, "BACKWARD"));
		return CompatibilityLevel.parse(level).orElse(CompatibilityLevel.BACKWARD);
	}

	/**
	 * Checks the current schema of a subject against its released versions.
	 * @param source where the current schema comes from, named in messages
	 */
	Verdict check(String subject, Schema current, String source) {
		List<Schema> versions = versions(subject);
		Path subjectDirectory = this.directory.resolve(subject);
		if (versions.isEmpty()) {
			return new Verdict(subject, Outcome.NO_HISTORY,
					"Subject '" + subject + "' (" + source
							+ ") has no released version: add the schema as parsed (shared records inlined) as "
							+ subjectDirectory.resolve("v1.avsc") + " when releasing it");
		}
		int latest = versions.size();
		CompatibilityLevel level = levelOf(subject);
		List<String> incompatibilities = AvroCompatibilityChecker.check(level, current, versions);
		if (!incompatibilities.isEmpty()) {
			return new Verdict(subject, Outcome.INCOMPATIBLE,
					"Schema of subject '" + subject + "' (" + source + ") is not " + level
							+ " compatible with its released " + checkedVersions(level, latest) + " in "
							+ subjectDirectory + ": " + String.join("; ", incompatibilities));
		}
		if (current.toString().equals(versions.get(latest - 1).toString())) {
			return new Verdict(subject, Outcome.RELEASED,
					"Subject '" + subject + "' (" + source + ") is released version v" + latest);
		}
		return new Verdict(subject, Outcome.CANDIDATE,
				"Schema of subject '" + subject + "' (" + source + ") differs from released version v" + latest
						+ " and is " + level + " compatible with it: add it as "
						+ subjectDirectory.resolve("v" + (latest + 1) + ".avsc") + " when releasing it");
	}

	private static String checkedVersions(CompatibilityLevel level, int latest) {
		if (level.transitive() && latest > 1) {
			return "versions v1..v" + latest;
		}
		return "version v" + latest;
	}

	private static List<Schema> readVersions(Path subject, List<String> problems) throws IOException {
		Map<Integer, Path> files = new TreeMap<>();
		try (Stream<Path> entries = Files.list(subject)) {
			for (Path file : entries.sorted().toList()) {
				Matcher matcher = VERSION_FILE.matcher(file.getFileName().toString());
				if (matcher.matches()) {
					files.put(Integer.parseInt(matcher.group(1)), file);
				}
				else {
					problems.add(file + " is not named v<N>.avsc");
				}
			}
		}
		List<Schema> versions = new ArrayList<>();
		for (Map.Entry<Integer, Path> entry : files.entrySet()) {
			int expected = versions.size() + 1;
			if (entry.getKey() != expected) {
				problems.add(subject + " has v" + entry.getKey() + ".avsc but no v" + expected
						+ ".avsc: versions must run v1, v2, ... without gaps");
				break;
			}
			try {
				versions.add(new Schema.Parser().parse(entry.getValue().toFile()));
			}
			catch (AvroRuntimeException ex) {
				problems.add(entry.getValue() + " is not a self-contained Avro schema: " + ex.getMessage());
				break;
			}
		}
		return versions;
	}

	private void checkLevels() {
		for (String key : this.levels.stringPropertyNames()) {
			String value = this.levels.getProperty(key);
			if (CompatibilityLevel.parse(value).isEmpty()) {
				this.problems.add(LEVELS_FILE + ": '" + value + "' for " + key
						+ " is not a compatibility level; use one of " + List.of(CompatibilityLevel.values()));
			}
			if (!key.equals(DEFAULT_KEY) && !this.versionsBySubject.containsKey(key)) {
				this.problems.add(LEVELS_FILE + ": subject '" + key + "' has no directory in " + this.directory);
			}
		}
	}

	/**
	 * Released versions are immutable facts: each must follow its predecessors under the
	 * level.
	 */
	private void checkReleasedVersions() {
		this.versionsBySubject.forEach((subject, versions) -> {
			CompatibilityLevel level = levelOf(subject);
			for (int i = 1; i < versions.size(); i++) {
				List<String> incompatibilities = AvroCompatibilityChecker.check(level, versions.get(i),
						versions.subList(0, i));
				if (!incompatibilities.isEmpty()) {
					this.problems.add("Released v" + (i + 1) + " of subject '" + subject + "' is not " + level
							+ " compatible with v1..v" + i + ": " + String.join("; ", incompatibilities));
				}
			}
		});
	}

}
