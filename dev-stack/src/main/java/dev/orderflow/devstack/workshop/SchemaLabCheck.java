package dev.orderflow.devstack.workshop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Lab 03 (schema evolution): the registry holds a version 2 of {@code OrderPlaced} that
 * adds only fields with a default, and still refuses a new field without one (its
 * compatibility level was not loosened to let anything through). The registry is the
 * source of truth here because the lab's commands leave the repository untouched; a
 * released {@code v2.avsc} in the history is reported too.
 */
final class SchemaLabCheck {

	static final String SUBJECT = "orders-dev.orderflow.events.OrderPlaced";

	/**
	 * The levels under which a new field without a default is refused (old data could not
	 * be read).
	 */
	private static final Set<String> GUARDING_LEVELS = Set.of("BACKWARD", "BACKWARD_TRANSITIVE", "FULL",
			"FULL_TRANSITIVE");

	private final LabProbe probe;

	private final Supplier<Path> repo;

	SchemaLabCheck(LabProbe probe, Supplier<Path> repo) {
		this.probe = probe;
		this.repo = repo;
	}

	void run(LabReport report) {
		int registry = this.probe.ports().schemaRegistry();
		if (!this.probe.servicesReady(report, List.of(registry))) {
			return;
		}
		List<?> versions = this.probe.get(registry, "/subjects/" + SUBJECT + "/versions")
			.map(LabJson::parse)
			.filter(List.class::isInstance)
			.map(List.class::cast)
			.orElse(List.of());
		if (!report.check(versions.size() >= 2, SUBJECT + " has a version 2 in the registry",
				"register your compatible OrderPlaced (lab 03, step 2); the registry has versions " + versions)) {
			return;
		}
		Map<String, Map<?, ?>> first = fields(schemaOf(registry, "1"));
		Map<String, Map<?, ?>> latest = fields(schemaOf(registry, "latest"));
		List<String> added = new ArrayList<>(latest.keySet());
		added.removeAll(first.keySet());
		boolean defaulted = !added.isEmpty()
				&& added.stream().allMatch((name) -> latest.get(name).containsKey("default"));
		report.check(defaulted, "the latest version adds a field with a default " + added,
				"under BACKWARD a new field needs a \"default\" (lab 03, step 1)");
		report.check(refusesRequiredField(registry), "the registry refuses a new field without a default",
				"the subject's level lets anything through: curl -s -XPUT localhost:" + registry + "/config/" + SUBJECT
						+ " -H 'Content-Type: application/json' -d '{\"compatibility\":\"BACKWARD\"}'");
		Path released = this.repo.get().resolve("events/src/main/schema-history").resolve(SUBJECT).resolve("v2.avsc");
		if (Files.exists(released)) {
			report.note("released in the build's history too: " + this.repo.get().relativize(released));
		}
	}

	/**
	 * Whether the subject's level (or the global one) makes the registry refuse a
	 * required new field.
	 */
	private boolean refusesRequiredField(int registry) {
		String level = this.probe.get(registry, "/config/" + SUBJECT + "?defaultToGlobal=true")
			.map(LabJson::parse)
			.filter(Map.class::isInstance)
			.map((config) -> String.valueOf(((Map<?, ?>) config).get("compatibilityLevel")))
			.orElse("unknown");
		return GUARDING_LEVELS.contains(level);
	}

	private String schemaOf(int registry, String version) {
		return this.probe.get(registry, "/subjects/" + SUBJECT + "/versions/" + version)
			.map(LabJson::parse)
			.filter(Map.class::isInstance)
			.map((answer) -> ((Map<?, ?>) answer).get("schema"))
			.map(String::valueOf)
			.orElse("");
	}

	/** The top-level fields of a record schema by name, in order. */
	static Map<String, Map<?, ?>> fields(String schema) {
		Map<String, Map<?, ?>> fields = new LinkedHashMap<>();
		Optional.of(LabJson.parse(schema))
			.filter(Map.class::isInstance)
			.map((record) -> ((Map<?, ?>) record).get("fields"))
			.filter(List.class::isInstance)
			.map(List.class::cast)
			.orElse(List.of())
			.stream()
			.filter(Map.class::isInstance)
			.forEach((field) -> fields.put(String.valueOf(((Map<?, ?>) field).get("name")), (Map<?, ?>) field));
		return fields;
	}

}
