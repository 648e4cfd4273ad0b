package dev.orderflow.registry.config;

import java.util.Map;

import dev.orderflow.registry.store.SchemaStore;
import dev.orderflow.registry.web.Errors;
import dev.orderflow.schemaregistry.compatibility.CompatibilityLevel;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /config} and {@code /config/{subject}}: read, set and clear compatibility levels.
 * Reads answer {@code compatibilityLevel}, writes echo {@code compatibility}, as Confluent does.
 */
@RestController
@RequestMapping("/config")
class ConfigController {

	private final SchemaStore store;

	ConfigController(SchemaStore store) {
		this.store = store;
	}

	@GetMapping
	Map<String, String> global() {
		return level(this.store.read(CompatibilitySettings::global));
	}

	@PutMapping
	Map<String, String> updateGlobal(@RequestBody ConfigUpdate update) {
		return update(null, update);
	}

	@DeleteMapping
	Map<String, String> deleteGlobal() {
		return this.store.write((writer) -> {
			CompatibilityLevel previous = CompatibilitySettings.global(writer.state());
			writer.putConfig(null, null);
			return level(previous);
		});
	}

	@GetMapping("/{subject}")
	Map<String, String> subject(@PathVariable String subject,
			@RequestParam(defaultValue = "false") boolean defaultToGlobal) {
		CompatibilityLevel level = this.store.read((state) -> {
			if (defaultToGlobal) {
				return CompatibilitySettings.effective(state, subject);
			}
			return state.config(subject).orElseThrow(() -> Errors.subjectCompatibilityNotConfigured(subject));
		});
		return level(level);
	}

	@PutMapping("/{subject}")
	Map<String, String> updateSubject(@PathVariable String subject, @RequestBody ConfigUpdate update) {
		return update(subject, update);
	}

	@DeleteMapping("/{subject}")
	Map<String, String> deleteSubject(@PathVariable String subject) {
		return this.store.write((writer) -> {
			CompatibilityLevel previous = writer.state()
				.config(subject)
				.orElseThrow(() -> Errors.subjectCompatibilityNotConfigured(subject));
			writer.putConfig(subject, null);
			return level(previous);
		});
	}

	private Map<String, String> update(String subject, ConfigUpdate update) {
		String requested = (update != null) ? update.compatibility() : null;
		CompatibilityLevel level = CompatibilityLevel.parse(requested)
			.orElseThrow(() -> Errors.invalidCompatibilityLevel(requested));
		this.store.write((writer) -> {
			writer.putConfig(subject, level);
			return level;
		});
		return Map.of("compatibility", level.name());
	}

	private static Map<String, String> level(CompatibilityLevel level) {
		return Map.of("compatibilityLevel", level.name());
	}

	record ConfigUpdate(String compatibility) {
	}

}
