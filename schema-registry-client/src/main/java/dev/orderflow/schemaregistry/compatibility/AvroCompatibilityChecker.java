package dev.orderflow.schemaregistry.compatibility;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Decides whether a candidate schema may follow earlier versions under a
 * {@link CompatibilityLevel}, using Avro's own {@link SchemaCompatibility} rules, the way
 * Confluent's registry does. Used by the registry server and by the build's schema
 * history check so both refuse exactly the same changes.
 */
public final class AvroCompatibilityChecker {

	private AvroCompatibilityChecker() {
	}

	/**
	 * Checks {@code candidate} against {@code previousVersions} (oldest first), numbering
	 * them 1, 2, ... in messages.
	 * @return one message per problem, empty when compatible
	 */
	public static List<String> check(CompatibilityLevel level, Schema candidate, List<Schema> previousVersions) {
		SortedMap<Integer, Schema> numbered = new TreeMap<>();
		for (int i = 0; i < previousVersions.size(); i++) {
			numbered.put(i + 1, previousVersions.get(i));
		}
		return check(level, candidate, numbered);
	}

	/**
	 * Checks {@code candidate} against {@code previousVersions}, keyed by version number.
	 * The caller supplies the numbers because the versions checked need not be 1..n: a
	 * registry may check one named version, or live versions after earlier ones were
	 * deleted.
	 * @return one message per problem, each naming the version it failed against; empty
	 * when compatible
	 */
	public static List<String> check(CompatibilityLevel level, Schema candidate,
			SortedMap<Integer, Schema> previousVersions) {
		List<String> problems = new ArrayList<>();
		if (level == CompatibilityLevel.NONE || previousVersions.isEmpty()) {
			return problems;
		}
		SortedMap<Integer, Schema> toCheck = level.transitive() ? previousVersions
				: previousVersions.tailMap(previousVersions.lastKey());
		toCheck.forEach((version, previous) -> {
			if (level.newReadsOld()) {
				describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous),
						"new schema cannot read data written with version " + version, problems);
			}
			if (level.oldReadsNew()) {
				describe(SchemaCompatibility.checkReaderWriterCompatibility(previous, candidate),
						"version " + version + " cannot read data written with the new schema", problems);
			}
		});
		return problems;
	}

	private static void describe(SchemaPairCompatibility result, String direction, List<String> problems) {
		if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
			return;
		}
		for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
			problems.add(direction + ": {errorType:'" + incompatibility.getType() + "', description:'"
					+ incompatibility.getMessage() + "', location:'" + incompatibility.getLocation() + "'}");
		}
	}

}
