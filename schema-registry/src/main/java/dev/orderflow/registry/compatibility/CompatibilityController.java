package dev.orderflow.registry.compatibility;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.avro.Schema;

import dev.orderflow.registry.config.CompatibilitySettings;
import dev.orderflow.registry.schemas.AvroSchemas;
import dev.orderflow.registry.schemas.SchemaRequest;
import dev.orderflow.registry.store.RegistryState;
import dev.orderflow.registry.store.SchemaStore;
import dev.orderflow.registry.store.SchemaVersion;
import dev.orderflow.registry.subjects.VersionId;
import dev.orderflow.registry.web.Errors;
import dev.orderflow.schemaregistry.compatibility.AvroCompatibilityChecker;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /compatibility}: would this schema be accepted? Against one named version (as
 * Confluent does, only that version is checked, in the direction of the subject's level),
 * or against every live version per the level, transitive levels included.
 */
@RestController
@RequestMapping("/compatibility/subjects/{subject}/versions")
class CompatibilityController {

	private final SchemaStore store;

	CompatibilityController(SchemaStore store) {
		this.store = store;
	}

	@PostMapping("/{version}")
	CompatibilityResult againstVersion(@PathVariable String subject, @PathVariable String version,
			@RequestBody SchemaRequest request, @RequestParam(defaultValue = "false") boolean verbose,
			@RequestParam(defaultValue = "false") boolean normalize) {
		VersionId versionId = VersionId.parse(version);
		Schema candidate = AvroSchemas.parse(AvroSchemas.canonical(request, normalize));
		return this.store.read((state) -> {
			List<SchemaVersion> versions = state.versions(subject, false);
			if (versions.isEmpty() && !versionId.latest()) {
				throw Errors.subjectNotFound(subject);
			}
			// Nothing registered yet: anything is compatible with "latest", as Confluent
			// answers.
			List<SchemaVersion> previous = versionId.in(versions)
				.map(List::of)
				.orElseGet(() -> notFoundUnlessLatest(versionId));
			return check(state, subject, candidate, previous, verbose);
		});
	}

	@PostMapping
	CompatibilityResult againstAll(@PathVariable String subject, @RequestBody SchemaRequest request,
			@RequestParam(defaultValue = "false") boolean verbose,
			@RequestParam(defaultValue = "false") boolean normalize) {
		Schema candidate = AvroSchemas.parse(AvroSchemas.canonical(request, normalize));
		return this.store.read((state) -> check(state, subject, candidate, state.versions(subject, false), verbose));
	}

	private static List<SchemaVersion> notFoundUnlessLatest(VersionId versionId) {
		if (versionId.latest()) {
			return List.of();
		}
		throw Errors.versionNotFound(versionId.number());
	}

	private static CompatibilityResult check(RegistryState state, String subject, Schema candidate,
			List<SchemaVersion> previous, boolean verbose) {
		List<String> problems = AvroCompatibilityChecker.check(CompatibilitySettings.effective(state, subject),
				candidate, AvroSchemas.byVersion(previous));
		return new CompatibilityResult(problems.isEmpty(), verbose ? problems : null);
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CompatibilityResult(@JsonProperty("is_compatible") boolean compatible, List<String> messages) {
	}

}
