package dev.orderflow.registry.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

import dev.orderflow.registry.mode.Mode;
import dev.orderflow.schemaregistry.compatibility.CompatibilityLevel;

/**
 * The registry's state in memory: subjects with their versions, the global schema ids
 * (each naming a schema with its metadata and rules), and config (compatibility, contract
 * defaults and overrides) and mode settings. It is only ever changed by applying records
 * read from or written to the topic, so memory and log never disagree. Not thread-safe:
 * {@link SchemaStore} guards it.
 */
public final class RegistryState {

	private final Map<String, TreeMap<Integer, SchemaVersion>> subjects = new TreeMap<>();

	private final Map<Integer, RegisteredSchema> schemasById = new HashMap<>();

	private final Map<RegisteredSchema, Integer> idsBySchema = new HashMap<>();

	private final Map<String, SubjectConfig> subjectConfigs = new HashMap<>();

	private final Map<String, Mode> subjectModes = new HashMap<>();

	private SubjectConfig globalConfig;

	private Mode globalMode;

	private int maxId;

	/** Subjects with at least one version (soft deleted ones only when asked). */
	public List<String> subjects(boolean includeDeleted) {
		return this.subjects.keySet().stream().filter((subject) -> hasVersions(subject, includeDeleted)).toList();
	}

	public boolean hasVersions(String subject, boolean includeDeleted) {
		return !versions(subject, includeDeleted).isEmpty();
	}

	/** Versions of a subject, oldest first. */
	public List<SchemaVersion> versions(String subject, boolean includeDeleted) {
		TreeMap<Integer, SchemaVersion> versions = this.subjects.get(subject);
		if (versions == null) {
			return List.of();
		}
		return versions.values().stream().filter((version) -> includeDeleted || !version.deleted()).toList();
	}

	/** A version whether soft deleted or not. */
	public Optional<SchemaVersion> version(String subject, int version) {
		TreeMap<Integer, SchemaVersion> versions = this.subjects.get(subject);
		return Optional.ofNullable((versions != null) ? versions.get(version) : null);
	}

	/** The highest version number ever kept for the subject, soft deleted included. */
	public int lastVersionNumber(String subject) {
		TreeMap<Integer, SchemaVersion> versions = this.subjects.get(subject);
		return (versions == null || versions.isEmpty()) ? 0 : versions.lastKey();
	}

	public Optional<String> schema(int id) {
		return registered(id).map(RegisteredSchema::schema);
	}

	/** The schema with that id, with its metadata and rules. */
	public Optional<RegisteredSchema> registered(int id) {
		return Optional.ofNullable(this.schemasById.get(id));
	}

	/** The global id of a schema with its metadata and rules, if any subject holds it. */
	public OptionalInt idOf(RegisteredSchema schema) {
		Integer id = this.idsBySchema.get(schema);
		return (id != null) ? OptionalInt.of(id) : OptionalInt.empty();
	}

	public int nextId() {
		return this.maxId + 1;
	}

	/** Every subject version holding the schema with this id. */
	public List<SchemaVersion> usages(int id, boolean includeDeleted) {
		List<SchemaVersion> usages = new ArrayList<>();
		this.subjects.values()
			.forEach((versions) -> versions.values()
				.stream()
				.filter((version) -> version.id() == id && (includeDeleted || !version.deleted()))
				.forEach(usages::add));
		return usages;
	}

	/**
	 * The compatibility level set for a subject, or the global one set explicitly when
	 * subject is null.
	 */
	public Optional<CompatibilityLevel> config(String subject) {
		return settings(subject).map(SubjectConfig::compatibilityLevel);
	}

	/**
	 * Everything set for a subject (or globally when subject is null): level, default and
	 * override contracts.
	 */
	public Optional<SubjectConfig> settings(String subject) {
		return Optional.ofNullable((subject != null) ? this.subjectConfigs.get(subject) : this.globalConfig);
	}

	/**
	 * The mode set for a subject, or the global one set explicitly when subject is null.
	 */
	public Optional<Mode> mode(String subject) {
		return Optional.ofNullable((subject != null) ? this.subjectModes.get(subject) : this.globalMode);
	}

	/** The highest id ever handed out, hard deleted ones included. */
	public int highestId() {
		return this.maxId;
	}

	/**
	 * Applies a version unless it contradicts what an earlier record claimed: an id
	 * already held by another schema, a schema already holding another id, or a subject
	 * version already holding another schema. The log's order decides, so every instance
	 * applying the same log keeps the same first claim and ignores the same later ones.
	 * @return whether the version was applied
	 */
	boolean putVersion(SchemaVersion version) {
		RegisteredSchema registered = version.registered();
		RegisteredSchema holder = this.schemasById.get(version.id());
		Integer id = this.idsBySchema.get(registered);
		SchemaVersion current = version(version.subject(), version.version()).orElse(null);
		if ((holder != null && !holder.equals(registered)) || (id != null && id != version.id())
				|| (current != null && (current.id() != version.id() || !current.registered().equals(registered)))) {
			return false;
		}
		this.subjects.computeIfAbsent(version.subject(), (subject) -> new TreeMap<>()).put(version.version(), version);
		this.schemasById.put(version.id(), registered);
		this.idsBySchema.putIfAbsent(registered, version.id());
		this.maxId = Math.max(this.maxId, version.id());
		return true;
	}

	void raiseIdFloor(int maxId) {
		this.maxId = Math.max(this.maxId, maxId);
	}

	void removeVersion(String subject, int number) {
		TreeMap<Integer, SchemaVersion> versions = this.subjects.get(subject);
		SchemaVersion removed = (versions != null) ? versions.remove(number) : null;
		if (removed == null) {
			return;
		}
		if (versions.isEmpty()) {
			this.subjects.remove(subject);
		}
		if (usages(removed.id(), true).isEmpty()) {
			// No subject refers to the schema any more: forget it, as Confluent does
			// after a hard delete.
			this.schemasById.remove(removed.id());
			this.idsBySchema.remove(removed.registered(), removed.id());
		}
	}

	void putConfig(String subject, SubjectConfig config) {
		SubjectConfig level = (config != null && config.isEmpty()) ? null : config;
		if (subject == null) {
			this.globalConfig = level;
		}
		else if (level == null) {
			this.subjectConfigs.remove(subject);
		}
		else {
			this.subjectConfigs.put(subject, level);
		}
	}

	void putMode(String subject, Mode mode) {
		if (subject == null) {
			this.globalMode = mode;
		}
		else if (mode == null) {
			this.subjectModes.remove(subject);
		}
		else {
			this.subjectModes.put(subject, mode);
		}
	}

}
