package dev.orderflow.registry.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.json.JsonMapper;

import dev.orderflow.schemaregistry.compatibility.CompatibilityLevel;
import dev.orderflow.schemaregistry.rules.Metadata;
import dev.orderflow.schemaregistry.rules.RuleSet;

/**
 * The JSON keys and values written to the {@code _schemas} topic, shaped like Confluent's
 * so the log reads familiar: keys carry a {@code keytype}, and compaction keeps the last
 * value per key.
 */
final class StoreRecords {

	static final String SCHEMA = "SCHEMA";

	static final String CONFIG = "CONFIG";

	static final String MODE = "MODE";

	/**
	 * Who leads: written by each new leader, so followers know where to forward writes.
	 */
	static final String LEADER = "LEADER";

	/**
	 * The highest id ever handed out, written before a hard delete: once compaction drops
	 * the deleted version, this record still keeps its id from being handed out again.
	 */
	static final String ID_FLOOR = "ID_FLOOR";

	private static final JsonMapper json = JsonMapper.builder().build();

	private StoreRecords() {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonPropertyOrder({ "keytype", "subject", "version", "magic" })
	record Key(String keytype, String subject, Integer version, int magic) {

		static Key schema(String subject, int version) {
			return new Key(SCHEMA, subject, version, 1);
		}

		static Key config(String subject) {
			return new Key(CONFIG, subject, null, 0);
		}

		static Key mode(String subject) {
			return new Key(MODE, subject, null, 0);
		}

		static Key leader() {
			return new Key(LEADER, null, null, 0);
		}

		static Key idFloor() {
			return new Key(ID_FLOOR, null, null, 0);
		}

	}

	/**
	 * A version as stored; {@code metadata} and {@code ruleSet} are written only when the
	 * version has them, as Confluent does, so records written before data contracts read
	 * as versions without any.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "subject", "version", "id", "schema", "deleted", "metadata", "ruleSet" })
	record SchemaValue(String subject, int version, int id, String schema, boolean deleted, Metadata metadata,
			RuleSet ruleSet) {

		static SchemaValue of(SchemaVersion version) {
			return new SchemaValue(version.subject(), version.version(), version.id(), version.schema(),
					version.deleted(), version.metadata(), version.ruleSet());
		}

		SchemaVersion toVersion() {
			return new SchemaVersion(this.subject, this.version, this.id, this.schema, this.deleted, this.metadata,
					this.ruleSet);
		}

	}

	/**
	 * A subject's (or the global) config; records written before data contracts hold only
	 * the level.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ConfigValue(String compatibilityLevel, Metadata defaultMetadata, Metadata overrideMetadata,
			RuleSet defaultRuleSet, RuleSet overrideRuleSet) {

		static ConfigValue of(SubjectConfig config) {
			return new ConfigValue((config.compatibilityLevel() != null) ? config.compatibilityLevel().name() : null,
					config.defaultMetadata(), config.overrideMetadata(), config.defaultRuleSet(),
					config.overrideRuleSet());
		}

		SubjectConfig toConfig() {
			return new SubjectConfig(CompatibilityLevel.parse(this.compatibilityLevel).orElse(null),
					this.defaultMetadata, this.overrideMetadata, this.defaultRuleSet, this.overrideRuleSet);
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ModeValue(String mode) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record LeaderValue(String url, int generation, String instance) {

		Leader toLeader() {
			return new Leader(this.url, this.generation, this.instance);
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record IdFloorValue(int maxId) {
	}

	static String write(Object value) {
		return json.writeValueAsString(value);
	}

	static <T> T read(String text, Class<T> type) {
		return json.readValue(text, type);
	}

}
