package dev.orderflow.registry.subjects;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.orderflow.registry.config.CompatibilitySettings;
import dev.orderflow.registry.mode.Mode;
import dev.orderflow.registry.mode.ModeSettings;
import dev.orderflow.registry.schemas.AvroSchemas;
import dev.orderflow.registry.schemas.DataContracts;
import dev.orderflow.registry.schemas.RuleSets;
import dev.orderflow.registry.schemas.SchemaRequest;
import dev.orderflow.registry.store.RegisteredSchema;
import dev.orderflow.registry.store.RegistryState;
import dev.orderflow.registry.store.SchemaStore;
import dev.orderflow.registry.store.SchemaVersion;
import dev.orderflow.registry.store.SubjectConfig;
import dev.orderflow.registry.web.Errors;
import dev.orderflow.schemaregistry.compatibility.AvroCompatibilityChecker;
import dev.orderflow.schemaregistry.compatibility.CompatibilityLevel;
import dev.orderflow.schemaregistry.rules.DataContract;

import org.springframework.stereotype.Service;

/**
 * Registration and deletion of subject versions, with Confluent's rules: the same schema
 * keeps its version within a subject and its id across subjects; a new version must pass
 * the subject's compatibility level; deletes are soft first, permanent second.
 */
@Service
public class Subjects {

	private final SchemaStore store;

	Subjects(SchemaStore store) {
		this.store = store;
	}

	/**
	 * Registers a schema under a subject and returns its global id. The data contract is
	 * part of the identity, as on Confluent's registry: the same schema with other
	 * metadata or rules is a new version (and id). A request without metadata and rules
	 * matches the newest version of the same schema whatever its contract, so a
	 * serializer that auto-registers the bare schema finds the version registered with
	 * rules; when it is new, it inherits the previous version's contract. Config defaults
	 * and overrides are merged around what the version brings.
	 */
	public int register(String subject, SchemaRequest request, boolean normalize) {
		String schema = AvroSchemas.canonical(request, normalize);
		RuleSets.validate(request.ruleSet());
		return this.store.write((writer) -> {
			RegistryState state = writer.state();
			Mode mode = ModeSettings.requireWritable(state, subject);
			List<SchemaVersion> live = state.versions(subject, false);
			if (!request.hasContract()) {
				Optional<SchemaVersion> existing = find(live, schema);
				if (existing.isPresent()) {
					return existing.get().id();
				}
			}
			DataContract contract = DataContracts.effective(state, subject, request,
					live.isEmpty() ? null : live.get(live.size() - 1));
			RegisteredSchema registered = new RegisteredSchema(schema, contract);
			Optional<SchemaVersion> existing = find(live, registered);
			if (existing.isPresent()) {
				return existing.get().id();
			}
			if (mode != Mode.IMPORT) {
				requireCompatible(state, subject, schema);
			}
			int id = chooseId(state, registered, (mode == Mode.IMPORT) ? request.id() : null);
			int version = (mode == Mode.IMPORT && request.version() != null) ? request.version()
					: state.lastVersionNumber(subject) + 1;
			writer.putVersion(
					new SchemaVersion(subject, version, id, schema, false, contract.metadata(), contract.ruleSet()));
			return id;
		});
	}

	/**
	 * Finds which version of a subject holds the schema: with the metadata and rules the
	 * request brings, or, when it brings none, whatever they are (the newest such
	 * version).
	 */
	public SchemaVersion lookup(String subject, SchemaRequest request, boolean normalize, boolean deleted) {
		String schema = AvroSchemas.canonical(request, normalize);
		return this.store.read((state) -> {
			List<SchemaVersion> versions = state.versions(subject, deleted);
			if (versions.isEmpty()) {
				throw Errors.subjectNotFound(subject);
			}
			Optional<SchemaVersion> found = request.hasContract()
					? find(versions, new RegisteredSchema(schema, request.contract())) : find(versions, schema);
			return found.orElseThrow(Errors::schemaNotFound);
		});
	}

	/** Soft deletes every live version, or permanently removes a soft deleted subject. */
	public List<Integer> deleteSubject(String subject, boolean permanent) {
		return this.store.write((writer) -> {
			RegistryState state = writer.state();
			ModeSettings.requireWritable(state, subject);
			List<SchemaVersion> all = state.versions(subject, true);
			if (all.isEmpty()) {
				throw Errors.subjectNotFound(subject);
			}
			List<SchemaVersion> live = state.versions(subject, false);
			if (permanent) {
				if (!live.isEmpty()) {
					throw Errors.subjectNotSoftDeleted(subject);
				}
				all.forEach((version) -> writer.removeVersion(subject, version.version()));
				return versionNumbers(all);
			}
			if (live.isEmpty()) {
				throw Errors.subjectSoftDeleted(subject);
			}
			live.forEach((version) -> writer.putVersion(version.softDeleted()));
			// Confluent forgets a soft deleted subject's own settings, so a re-created
			// subject starts clean.
			state.settings(subject).ifPresent((config) -> writer.putConfig(subject, (SubjectConfig) null));
			state.mode(subject).ifPresent((mode) -> writer.putMode(subject, null));
			return versionNumbers(live);
		});
	}

	/** Soft deletes one version, or permanently removes a soft deleted one. */
	public int deleteVersion(String subject, VersionId versionId, boolean permanent) {
		return this.store.write((writer) -> {
			RegistryState state = writer.state();
			ModeSettings.requireWritable(state, subject);
			if (!state.hasVersions(subject, true)) {
				throw Errors.subjectNotFound(subject);
			}
			// "latest" means the latest live version, except for a permanent delete;
			// numbers match deleted ones too.
			SchemaVersion version = versionId.in(state.versions(subject, permanent || !versionId.latest()))
				.orElseThrow(() -> Errors.versionNotFound(versionId.number()));
			if (permanent) {
				if (!version.deleted()) {
					throw Errors.versionNotSoftDeleted(subject, version.version());
				}
				writer.removeVersion(subject, version.version());
			}
			else {
				if (version.deleted()) {
					throw Errors.versionSoftDeleted(subject, version.version());
				}
				writer.putVersion(version.softDeleted());
			}
			return version.version();
		});
	}

	private static void requireCompatible(RegistryState state, String subject, String schema) {
		CompatibilityLevel level = CompatibilitySettings.effective(state, subject);
		List<String> problems = AvroCompatibilityChecker.check(level, AvroSchemas.parse(schema),
				AvroSchemas.byVersion(state.versions(subject, false)));
		if (!problems.isEmpty()) {
			throw Errors
				.incompatibleSchema("Schema being registered is incompatible with an earlier schema for subject \""
						+ subject + "\", details: " + problems);
		}
	}

	private static int chooseId(RegistryState state, RegisteredSchema schema, Integer importedId) {
		if (importedId == null) {
			return state.idOf(schema).orElseGet(state::nextId);
		}
		Optional<RegisteredSchema> holder = state.registered(importedId);
		if (holder.isPresent() && !Objects.equals(holder.get(), schema)) {
			throw Errors.idDoesNotMatch(importedId);
		}
		// one schema, one id: an import may not give a known schema a second id
		if (state.idOf(schema).isPresent() && state.idOf(schema).getAsInt() != importedId) {
			throw Errors.idDoesNotMatch(importedId);
		}
		return importedId;
	}

	private static Optional<SchemaVersion> find(List<SchemaVersion> versions, String schema) {
		// The newest match wins: after a re-registration the live version comes last.
		for (int i = versions.size() - 1; i >= 0; i--) {
			if (versions.get(i).schema().equals(schema)) {
				return Optional.of(versions.get(i));
			}
		}
		return Optional.empty();
	}

	private static Optional<SchemaVersion> find(List<SchemaVersion> versions, RegisteredSchema schema) {
		for (int i = versions.size() - 1; i >= 0; i--) {
			if (versions.get(i).registered().equals(schema)) {
				return Optional.of(versions.get(i));
			}
		}
		return Optional.empty();
	}

	private static List<Integer> versionNumbers(List<SchemaVersion> versions) {
		return versions.stream().map(SchemaVersion::version).toList();
	}

}
