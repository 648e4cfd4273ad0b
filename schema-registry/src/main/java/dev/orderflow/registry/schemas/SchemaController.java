package dev.orderflow.registry.schemas;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.JsonNode;

import dev.orderflow.registry.store.SchemaStore;
import dev.orderflow.registry.store.SchemaVersion;
import dev.orderflow.registry.web.Errors;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /schemas}: schemas by their global id, what deserializers call for every new id they
 * meet.
 */
@RestController
@RequestMapping("/schemas")
class SchemaController {

	private final SchemaStore store;

	SchemaController(SchemaStore store) {
		this.store = store;
	}

	@GetMapping("/types")
	List<String> types() {
		return List.of("AVRO");
	}

	@GetMapping("/ids/{id}")
	Map<String, String> byId(@PathVariable int id, @RequestParam(required = false) String subject) {
		return Map.of("schema", schema(id, subject));
	}

	@GetMapping("/ids/{id}/schema")
	JsonNode rawById(@PathVariable int id, @RequestParam(required = false) String subject) {
		return AvroSchemas.asJson(schema(id, subject));
	}

	@GetMapping("/ids/{id}/versions")
	List<SubjectVersion> versions(@PathVariable int id, @RequestParam(defaultValue = "false") boolean deleted) {
		return usages(id, deleted).stream()
			.map((version) -> new SubjectVersion(version.subject(), version.version()))
			.toList();
	}

	@GetMapping("/ids/{id}/subjects")
	List<String> subjects(@PathVariable int id, @RequestParam(defaultValue = "false") boolean deleted) {
		return usages(id, deleted).stream().map(SchemaVersion::subject).distinct().toList();
	}

	private String schema(int id, String subject) {
		return this.store.read((state) -> {
			String schema = state.schema(id).orElseThrow(() -> Errors.schemaNotFound(id));
			if (subject != null && state.usages(id, true).stream().noneMatch((v) -> v.subject().equals(subject))) {
				throw Errors.schemaNotFound(id);
			}
			return schema;
		});
	}

	private List<SchemaVersion> usages(int id, boolean deleted) {
		return this.store.read((state) -> {
			if (state.schema(id).isEmpty()) {
				throw Errors.schemaNotFound(id);
			}
			return state.usages(id, deleted);
		});
	}

	@JsonPropertyOrder({ "subject", "version" })
	record SubjectVersion(String subject, int version) {
	}

}
