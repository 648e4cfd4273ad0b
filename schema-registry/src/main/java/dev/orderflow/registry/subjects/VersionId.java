package dev.orderflow.registry.subjects;

import java.util.List;
import java.util.Optional;

import dev.orderflow.registry.store.SchemaVersion;
import dev.orderflow.registry.web.Errors;

/**
 * A version path segment: a number from 1, or {@code latest} / {@code -1}; anything else
 * is Confluent's 42202.
 */
public record VersionId(int number) {

	private static final int LATEST = -1;

	public static VersionId parse(String text) {
		if ("latest".equalsIgnoreCase(text)) {
			return new VersionId(LATEST);
		}
		try {
			int number = Integer.parseInt(text);
			if (number == LATEST || number > 0) {
				return new VersionId(number);
			}
		}
		catch (NumberFormatException ex) {
			// fall through to Confluent's invalid version error
		}
		throw Errors.invalidVersion(text);
	}

	public boolean latest() {
		return this.number == LATEST;
	}

	/** Picks this version out of a subject's versions (oldest first). */
	public Optional<SchemaVersion> in(List<SchemaVersion> versions) {
		if (latest()) {
			return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
		}
		return versions.stream().filter((version) -> version.version() == this.number).findFirst();
	}

}
