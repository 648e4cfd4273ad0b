package dev.orderflow.schemaregistry.compatibility;

import java.util.Locale;
import java.util.Optional;

/**
 * Confluent Schema Registry's compatibility levels: which earlier versions a new schema
 * is checked against, and in which direction.
 */
public enum CompatibilityLevel {

	NONE(false, false, false), BACKWARD(true, false, false), BACKWARD_TRANSITIVE(true, false, true),
	FORWARD(false, true, false), FORWARD_TRANSITIVE(false, true, true), FULL(true, true, false),
	FULL_TRANSITIVE(true, true, true);

	private final boolean newReadsOld;

	private final boolean oldReadsNew;

	private final boolean transitive;

	CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
		this.newReadsOld = newReadsOld;
		this.oldReadsNew = oldReadsNew;
		this.transitive = transitive;
	}

	/** A consumer using the new schema must read data written with the old ones. */
	public boolean newReadsOld() {
		return this.newReadsOld;
	}

	/** A consumer still on an old schema must read data written with the new one. */
	public boolean oldReadsNew() {
		return this.oldReadsNew;
	}

	/** Transitive levels check every earlier version, the others only the latest. */
	public boolean transitive() {
		return this.transitive;
	}

	/** Parses a level name as Confluent spells it, ignoring case; empty when unknown. */
	public static Optional<CompatibilityLevel> parse(String name) {
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
