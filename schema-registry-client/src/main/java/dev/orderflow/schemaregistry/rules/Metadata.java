package dev.orderflow.schemaregistry.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code metadata} of a schema version, as Confluent's data contracts shape it:
 * {@code tags} maps a field path ({@code OrderPlaced.customerEmail}, or a pattern such as
 * {@code **.customerEmail}) to its tags ({@code PII}); {@code properties} are free
 * key/values (owner, description); {@code sensitive} names the properties whose values
 * must not be shown. Maps and sets are kept sorted, so two equal metadata compare and
 * hash equal.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "tags", "properties", "sensitive" })
public record Metadata(SortedMap<String, SortedSet<String>> tags, SortedMap<String, String> properties,
		SortedSet<String> sensitive) {

	public Metadata {
		SortedMap<String, SortedSet<String>> sortedTags = new TreeMap<>();
		if (tags != null) {
			tags.forEach((path, values) -> sortedTags.put(path, new TreeSet<>((values != null) ? values : Set.of())));
		}
		tags = sortedTags;
		properties = (properties != null) ? new TreeMap<>(properties) : new TreeMap<>();
		sensitive = (sensitive != null) ? new TreeSet<>(sensitive) : new TreeSet<>();
	}

	public boolean isEmpty() {
		return this.tags.isEmpty() && this.properties.isEmpty() && this.sensitive.isEmpty();
	}

	/**
	 * Confluent's merge of metadata from a config default, a version and a config
	 * override: later ones win per property, tags and sensitive names are united. Nulls
	 * are skipped.
	 */
	public static Metadata merge(Metadata... layers) {
		Map<String, SortedSet<String>> tags = new LinkedHashMap<>();
		Map<String, String> properties = new LinkedHashMap<>();
		Set<String> sensitive = new TreeSet<>();
		boolean any = false;
		for (Metadata layer : layers) {
			if (layer == null) {
				continue;
			}
			any = true;
			layer.tags().forEach((path, values) -> tags.computeIfAbsent(path, (p) -> new TreeSet<>()).addAll(values));
			properties.putAll(layer.properties());
			sensitive.addAll(layer.sensitive());
		}
		return any ? new Metadata(new TreeMap<>(tags), new TreeMap<>(properties), new TreeSet<>(sensitive)) : null;
	}

}
