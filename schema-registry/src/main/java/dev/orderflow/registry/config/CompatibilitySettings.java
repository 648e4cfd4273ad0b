package dev.orderflow.registry.config;

import dev.orderflow.registry.store.RegistryState;
import dev.orderflow.schemaregistry.compatibility.CompatibilityLevel;

/**
 * Which compatibility level applies: the subject's own, else the global one, else
 * Confluent's default BACKWARD.
 */
public final class CompatibilitySettings {

	public static final CompatibilityLevel DEFAULT = CompatibilityLevel.BACKWARD;

	private CompatibilitySettings() {
	}

	public static CompatibilityLevel global(RegistryState state) {
		return state.config(null).orElse(DEFAULT);
	}

	public static CompatibilityLevel effective(RegistryState state, String subject) {
		return state.config(subject).orElseGet(() -> global(state));
	}

}
