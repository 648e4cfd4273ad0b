package dev.orderflow.registry.mode;

import java.util.Locale;
import java.util.Optional;

/**
 * Confluent's registry modes: whether a subject (or the whole registry) accepts writes,
 * and whether imported schemas may bring their own ids.
 */
public enum Mode {

	READWRITE, READONLY, IMPORT;

	/** Parses a mode name ignoring case; empty when unknown. */
	public static Optional<Mode> parse(String name) {
		if (name == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
