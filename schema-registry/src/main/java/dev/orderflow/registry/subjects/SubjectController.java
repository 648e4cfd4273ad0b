package dev.orderflow.registry.subjects;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import dev.orderflow.registry.schemas.AvroSchemas;
import dev.orderflow.registry.schemas.SchemaRequest;
import dev.orderflow.registry.store.SchemaStore;
import dev.orderflow.registry.store.SchemaVersion;
import dev.orderflow.registry.web.Errors;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /subjects}: Confluent's subject and version resources.
 */
@RestController
@RequestMapping("/subjects")
class SubjectController {

	private final Subjects subjects;

	private final SchemaStore store;

	SubjectController(Subjects subjects, SchemaStore store) {
		this.subjects = subjects;
		this.store = store;
	}

	@GetMapping
	List<String> list(@RequestParam(defaultValue = "false") boolean deleted,
			@RequestParam(defaultValue = "false") boolean deletedOnly,
			@RequestParam(defaultValue = "") String subjectPrefix) {
		return this.store.read((state) -> {
			List<String> live = state.subjects(false);
			return state.subjects(deleted || deletedOnly)
				.stream()
				.filter((subject) -> subject.startsWith(subjectPrefix))
				.filter((subject) -> !deletedOnly || !live.contains(subject))
				.toList();
		});
	}

	@PostMapping("/{subject}/versions")
	Map<String, Integer> register(@PathVariable String subject, @RequestBody SchemaRequest request,
			@RequestParam(defaultValue = "false") boolean normalize) {
		return Map.of("id", this.subjects.register(subject, request, normalize));
	}

	@PostMapping("/{subject}")
	SubjectVersionResponse lookup(@PathVariable String subject, @RequestBody SchemaRequest request,
			@RequestParam(defaultValue = "false") boolean normalize,
			@RequestParam(defaultValue = "false") boolean deleted) {
		return SubjectVersionResponse.of(this.subjects.lookup(subject, request, normalize, deleted));
	}

	@GetMapping("/{subject}/versions")
	List<Integer> versions(@PathVariable String subject, @RequestParam(defaultValue = "false") boolean deleted,
			@RequestParam(defaultValue = "false") boolean deletedOnly) {
		List<SchemaVersion> versions = this.store.read((state) -> state.versions(subject, deleted || deletedOnly)
			.stream()
			.filter((version) -> !deletedOnly || version.deleted())
			.toList());
		if (versions.isEmpty()) {
			throw Errors.subjectNotFound(subject);
		}
		return versions.stream().map(SchemaVersion::version).toList();
	}

	@GetMapping("/{subject}/versions/{version}")
	SubjectVersionResponse version(@PathVariable String subject, @PathVariable String version,
			@RequestParam(defaultValue = "false") boolean deleted) {
		return SubjectVersionResponse.of(find(subject, version, deleted));
	}

	@GetMapping("/{subject}/versions/{version}/schema")
	JsonNode rawSchema(@PathVariable String subject, @PathVariable String version,
			@RequestParam(defaultValue = "false") boolean deleted) {
		return AvroSchemas.asJson(find(subject, version, deleted).schema());
	}

	@GetMapping("/{subject}/versions/{version}/referencedby")
	List<Integer> referencedBy(@PathVariable String subject, @PathVariable String version) {
		find(subject, version, false);
		// References are not supported, so no schema can refer to this one.
		return List.of();
	}

	@DeleteMapping("/{subject}")
	List<Integer> deleteSubject(@PathVariable String subject, @RequestParam(defaultValue = "false") boolean permanent) {
		return this.subjects.deleteSubject(subject, permanent);
	}

	@DeleteMapping("/{subject}/versions/{version}")
	int deleteVersion(@PathVariable String subject, @PathVariable String version,
			@RequestParam(defaultValue = "false") boolean permanent) {
		return this.subjects.deleteVersion(subject, VersionId.parse(version), permanent);
	}

	private SchemaVersion find(String subject, String version, boolean deleted) {
		VersionId id = VersionId.parse(version);
		return this.store.read((state) -> {
			List<SchemaVersion> versions = state.versions(subject, deleted);
			if (versions.isEmpty()) {
				throw Errors.subjectNotFound(subject);
			}
			return id.in(versions).orElseThrow(() -> Errors.versionNotFound(id.number()));
		});
	}

}
