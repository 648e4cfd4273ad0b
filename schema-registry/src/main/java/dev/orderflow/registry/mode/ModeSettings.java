package dev.orderflow.registry.mode;

import dev.orderflow.registry.store.RegistryState;
import dev.orderflow.registry.web.Errors;

/**
 * Which mode applies to a subject (its own, else the global one, else READWRITE) and the
 * guard every write goes through.
 */
public final class ModeSettings {

	private ModeSettings() {
	}

	public static Mode global(RegistryState state) {
		return state.mode(null).orElse(Mode.READWRITE);
	}

	public static Mode effective(RegistryState state, String subject) {
		return state.mode(subject).orElseGet(() -> global(state));
	}

	/** Refuses a change to a subject in READONLY mode with Confluent's 42205. */
	public static Mode requireWritable(RegistryState state, String subject) {
		Mode mode = effective(state, subject);
		if (mode == Mode.READONLY) {
			throw Errors.readOnly(subject);
		}
		return mode;
	}

}
