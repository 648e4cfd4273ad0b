package dev.orderflow.schemaregistry.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.avro.Schema;

/**
 * The tags of a record's field, as Confluent's clients find them: the field's own
 * {@code confluent:tags} in the schema, and every {@code metadata.tags} entry whose path
 * matches the field. A path is a pattern over {@code <record>.<field>}: {@code **} stands
 * for any text, {@code *} for any text without a dot, {@code ?} for one character other
 * than a dot. Confluent matches the record's full name ({@code
 * dev.orderflow.events.OrderPlaced.customerEmail}); orderflow's contracts write the
 * simple one ({@code OrderPlaced.customerEmail}), so both are tried.
 */
public final class FieldTags {

	/** The schema property Confluent reads a field's inline tags from. */
	public static final String INLINE = "confluent:tags";

	private static final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

	private FieldTags() {
	}

	/** Every tag of the field, sorted; empty when it has none. */
	public static Set<String> of(Metadata metadata, Schema record, Schema.Field field) {
		Set<String> tags = new TreeSet<>();
		if (field.getObjectProp(INLINE) instanceof List<?> inline) {
			inline.forEach((tag) -> tags.add(String.valueOf(tag)));
		}
		if (metadata != null) {
			String fullName = record.getFullName() + "." + field.name();
			String simpleName = record.getName() + "." + field.name();
			metadata.tags().forEach((path, values) -> {
				Pattern pattern = patterns.computeIfAbsent(path, FieldTags::pattern);
				if (pattern.matcher(fullName).matches() || pattern.matcher(simpleName).matches()) {
					tags.addAll(values);
				}
			});
		}
		return tags;
	}

	static Pattern pattern(String path) {
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c == '*' && i + 1 < path.length() && path.charAt(i + 1) == '*') {
				regex.append(".*");
				i++;
			}
			else if (c == '*') {
				regex.append("[^.]*");
			}
			else if (c == '?') {
				regex.append("[^.]");
			}
			else {
				regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString());
	}

}
