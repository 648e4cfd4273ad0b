package dev.orderflow.registry.schemas;

import dev.orderflow.registry.store.RegistryState;
import dev.orderflow.registry.store.SchemaVersion;
import dev.orderflow.registry.store.SubjectConfig;
import dev.orderflow.schemaregistry.rules.DataContract;
import dev.orderflow.schemaregistry.rules.Metadata;
import dev.orderflow.schemaregistry.rules.RuleSet;

/**
 * The metadata and rule set a new version gets, as Confluent computes them: what the
 * request brings, or else the previous version's (so registering the next schema keeps
 * the contract); then the config's defaults under it and overrides over it, the subject's
 * config taking precedence over the global one.
 */
public final class DataContracts {

	private DataContracts() {
	}

	public static DataContract effective(RegistryState state, String subject, SchemaRequest request,
			SchemaVersion previous) {
		Metadata metadata = (request.metadata() != null) ? request.metadata()
				: (previous != null) ? previous.metadata() : null;
		RuleSet ruleSet = (request.ruleSet() != null) ? request.ruleSet()
				: (previous != null) ? previous.ruleSet() : null;
		SubjectConfig config = effectiveConfig(state, subject);
		if (config == null) {
			return new DataContract(metadata, ruleSet);
		}
		return new DataContract(Metadata.merge(config.defaultMetadata(), metadata, config.overrideMetadata()),
				RuleSet.merge(config.defaultRuleSet(), ruleSet, config.overrideRuleSet()));
	}

	/** Each part from the subject's config when set there, else from the global one. */
	public static SubjectConfig effectiveConfig(RegistryState state, String subject) {
		SubjectConfig own = state.settings(subject).orElse(null);
		SubjectConfig global = state.settings(null).orElse(null);
		if (own == null) {
			return global;
		}
		if (global == null) {
			return own;
		}
		return new SubjectConfig(pick(own.compatibilityLevel(), global.compatibilityLevel()),
				pick(own.defaultMetadata(), global.defaultMetadata()),
				pick(own.overrideMetadata(), global.overrideMetadata()),
				pick(own.defaultRuleSet(), global.defaultRuleSet()),
				pick(own.overrideRuleSet(), global.overrideRuleSet()));
	}

	private static <T> T pick(T own, T global) {
		return (own != null) ? own : global;
	}

}
