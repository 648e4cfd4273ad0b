package dev.orderflow.registry.config;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import dev.orderflow.registry.schemas.DataContracts;
import dev.orderflow.registry.schemas.RuleSets;
import dev.orderflow.registry.store.SchemaStore;
import dev.orderflow.registry.store.SubjectConfig;
import dev.orderflow.registry.web.Errors;
import dev.orderflow.schemaregistry.compatibility.CompatibilityLevel;
import dev.orderflow.schemaregistry.rules.Metadata;
import dev.orderflow.schemaregistry.rules.RuleSet;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /config} and {@code /config/{subject}}: read, set and clear compatibility levels
 * and the data contract defaults and overrides ({@code defaultMetadata},
 * {@code overrideMetadata}, {@code defaultRuleSet}, {@code overrideRuleSet}). Reads
 * answer {@code compatibilityLevel}, writes echo {@code compatibility}, as Confluent
 * does; a write keeps what it does not name.
 */
@RestController
@RequestMapping("/config")
class ConfigController {

	private final SchemaStore store;

	ConfigController(SchemaStore store) {
		this.store = store;
	}

	@GetMapping
	Map<String, Object> global() {
		return this.store
			.read((state) -> rendered(CompatibilitySettings.global(state), state.settings(null).orElse(null)));
	}

	@PutMapping
	Map<String, Object> updateGlobal(@RequestBody ConfigUpdate update) {
		return update(null, update);
	}

	@DeleteMapping
	Map<String, Object> deleteGlobal() {
		return this.store.write((writer) -> {
			CompatibilityLevel previous = CompatibilitySettings.global(writer.state());
			SubjectConfig config = writer.state().settings(null).orElse(null);
			writer.putConfig(null, (SubjectConfig) null);
			return rendered(previous, config);
		});
	}

	@GetMapping("/{subject}")
	Map<String, Object> subject(@PathVariable String subject,
			@RequestParam(defaultValue = "false") boolean defaultToGlobal) {
		return this.store.read((state) -> {
			if (defaultToGlobal) {
				return rendered(CompatibilitySettings.effective(state, subject),
						DataContracts.effectiveConfig(state, subject));
			}
			SubjectConfig config = state.settings(subject)
				.orElseThrow(() -> Errors.subjectCompatibilityNotConfigured(subject));
			return rendered(config.compatibilityLevel(), config);
		});
	}

	@PutMapping("/{subject}")
	Map<String, Object> updateSubject(@PathVariable String subject, @RequestBody ConfigUpdate update) {
		return update(subject, update);
	}

	@DeleteMapping("/{subject}")
	Map<String, Object> deleteSubject(@PathVariable String subject) {
		return this.store.write((writer) -> {
			SubjectConfig previous = writer.state()
				.settings(subject)
				.orElseThrow(() -> Errors.subjectCompatibilityNotConfigured(subject));
			writer.putConfig(subject, (SubjectConfig) null);
			return rendered(previous.compatibilityLevel(), previous);
		});
	}

	private Map<String, Object> update(String subject, ConfigUpdate update) {
		if (update == null || update.isEmpty()) {
			throw Errors.invalidCompatibilityLevel(null);
		}
		CompatibilityLevel level = (update.compatibility() != null) ? CompatibilityLevel.parse(update.compatibility())
			.orElseThrow(() -> Errors.invalidCompatibilityLevel(update.compatibility())) : null;
		RuleSets.validate(update.defaultRuleSet());
		RuleSets.validate(update.overrideRuleSet());
		this.store.write((writer) -> {
			SubjectConfig old = writer.state().settings(subject).orElse(SubjectConfig.of(null));
			writer.putConfig(subject,
					new SubjectConfig(keep(level, old.compatibilityLevel()),
							keep(update.defaultMetadata(), old.defaultMetadata()),
							keep(update.overrideMetadata(), old.overrideMetadata()),
							keep(update.defaultRuleSet(), old.defaultRuleSet()),
							keep(update.overrideRuleSet(), old.overrideRuleSet())));
			return null;
		});
		Map<String, Object> echo = new LinkedHashMap<>();
		if (level != null) {
			echo.put("compatibility", level.name());
		}
		putIfSet(echo, update.defaultMetadata(), update.overrideMetadata(), update.defaultRuleSet(),
				update.overrideRuleSet());
		return echo;
	}

	private static <T> T keep(T requested, T old) {
		return (requested != null) ? requested : old;
	}

	private static Map<String, Object> rendered(CompatibilityLevel level, SubjectConfig config) {
		Map<String, Object> answer = new LinkedHashMap<>();
		if (level != null) {
			answer.put("compatibilityLevel", level.name());
		}
		if (config != null) {
			putIfSet(answer, config.defaultMetadata(), config.overrideMetadata(), config.defaultRuleSet(),
					config.overrideRuleSet());
		}
		return answer;
	}

	private static void putIfSet(Map<String, Object> answer, Metadata defaultMetadata, Metadata overrideMetadata,
			RuleSet defaultRuleSet, RuleSet overrideRuleSet) {
		if (defaultMetadata != null) {
			answer.put("defaultMetadata", defaultMetadata);
		}
		if (overrideMetadata != null) {
			answer.put("overrideMetadata", overrideMetadata);
		}
		if (defaultRuleSet != null) {
			answer.put("defaultRuleSet", defaultRuleSet);
		}
		if (overrideRuleSet != null) {
			answer.put("overrideRuleSet", overrideRuleSet);
		}
	}

	/**
	 * Confluent's ConfigUpdateRequest; {@code normalize}, {@code alias} and
	 * {@code compatibilityGroup} are ignored.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ConfigUpdate(String compatibility, Metadata defaultMetadata, Metadata overrideMetadata,
			RuleSet defaultRuleSet, RuleSet overrideRuleSet) {

		boolean isEmpty() {
			return this.compatibility == null && this.defaultMetadata == null && this.overrideMetadata == null
					&& this.defaultRuleSet == null && this.overrideRuleSet == null;
		}

	}

}
