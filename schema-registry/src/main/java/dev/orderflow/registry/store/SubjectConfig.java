package dev.orderflow.registry.store;

import dev.orderflow.schemaregistry.compatibility.CompatibilityLevel;
import dev.orderflow.schemaregistry.rules.Metadata;
import dev.orderflow.schemaregistry.rules.RuleSet;

/**
 * The config of a subject, or the global one: its compatibility level and, as Confluent's
 * data contracts allow, metadata and rules merged into every version registered from now
 * on ({@code default*} under what the version brings, {@code override*} over it). Any
 * part may be {@code null}: not set here.
 */
public record SubjectConfig(CompatibilityLevel compatibilityLevel, Metadata defaultMetadata, Metadata overrideMetadata,
		RuleSet defaultRuleSet, RuleSet overrideRuleSet) {

	public static SubjectConfig of(CompatibilityLevel level) {
		return new SubjectConfig(level, null, null, null, null);
	}

	public boolean isEmpty() {
		return this.compatibilityLevel == null && this.defaultMetadata == null && this.overrideMetadata == null
				&& this.defaultRuleSet == null && this.overrideRuleSet == null;
	}

}
