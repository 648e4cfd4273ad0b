package dev.orderflow.registry.schemas;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.JsonNode;

import dev.orderflow.registry.store.RegisteredSchema;
import dev.orderflow.registry.store.RegistryState;
import dev.orderflow.registry.store.SchemaStore;
import dev.orderflow.registry.store.SchemaVersion;
import dev.orderflow.registry.web.Errors;
import dev.orderflow.schemaregistry.rules.Metadata;
import dev.orderflow.schemaregistry.rules.RuleSet;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /schemas}: schemas by their global id, what deserializers call for every new id
 * they meet.
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

	/**
	 * With {@code fetchMaxId=true}, as Confluent's clients may ask, also the highest id
	 * handed out.
	 */
	@GetMapping("/ids/{id}")
	SchemaById byId(@PathVariable int id, @RequestParam(required = false) String subject,
			@RequestParam(defaultValue = "false") boolean fetchMaxId) {
		RegisteredSchema schema = registered(id, subject);
		return new SchemaById(schema.schema(), schema.metadata(), schema.ruleSet(),
				fetchMaxId ? this.store.read(RegistryState::highestId) : null);
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

	/**
	 * The {@code subject} parameter is a hint, not a filter: Confluent's registry uses it
	 * only to pick the schema context (a {@code :.context:} prefix) and resolves the id
	 * whatever subject the schema is registered under. Its deserializers depend on that:
	 * they pass the subject their own naming strategy gives ({@code orders-value} by
	 * default), while the saga registers under TopicRecordNameStrategy subjects. This
	 * registry has the default context only.
	 */
	private String schema(int id, String subject) {
		return registered(id, subject).schema();
	}

	private RegisteredSchema registered(int id, String subject) {
		if (SchemaContexts.namesOtherContext(subject)) {
			throw Errors.schemaNotFound(id);
		}
		return this.store.read((state) -> state.registered(id).orElseThrow(() -> Errors.schemaNotFound(id)));
	}

	private List<SchemaVersion> usages(int id, boolean deleted) {
		return this.store.read((state) -> {
			if (state.schema(id).isEmpty()) {
				throw Errors.schemaNotFound(id);
			}
			return state.usages(id, deleted);
		});
	}

	/**
	 * Confluent's answer: the schema with its metadata and rules, which deserializers
	 * need to enforce READ rules.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "schema", "metadata", "ruleSet", "maxId" })
	record SchemaById(String schema, Metadata metadata, RuleSet ruleSet, Integer maxId) {
	}

	@JsonPropertyOrder({ "subject", "version" })
	record SubjectVersion(String subject, int version) {
	}

}
