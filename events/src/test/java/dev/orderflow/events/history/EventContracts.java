package dev.orderflow.events.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.Schema;

import dev.orderflow.schemaregistry.rules.CelRules;
import dev.orderflow.schemaregistry.rules.ClasspathDataContracts;
import dev.orderflow.schemaregistry.rules.DataContract;
import dev.orderflow.schemaregistry.rules.Rule;

/**
 * The build's data contract gate: each event's {@code <Event>.rules.json} beside its
 * {@code .avsc} must parse, name its rules uniquely, type-check every CEL rule against
 * the event's schema with Google's CEL (the same compiler the serializer uses), and tag
 * only fields the schema has. Problems name the file and the rule.
 */
public final class EventContracts {

	private EventContracts() {
	}

	/** The contract file beside an {@code .avsc}. */
	public static Path contractFile(Path avsc) {
		String name = avsc.getFileName().toString().replaceFirst("\\.avsc$", ClasspathDataContracts.SUFFIX);
		return avsc.resolveSibling(name);
	}

	/**
	 * Every problem of the contract of {@code schema} in {@code file}; empty when it is
	 * sound.
	 */
	public static List<String> check(Schema schema, Path file) throws IOException {
		if (!Files.exists(file)) {
			return List.of(file + ": missing; every event keeps its rules and tags beside its schema");
		}
		DataContract contract;
		try {
			contract = ClasspathDataContracts.parse(Files.readString(file));
		}
		catch (RuntimeException ex) {
			return List.of(file + ": not a data contract (" + ex.getMessage() + ")");
		}
		List<String> problems = new ArrayList<>();
		if (contract.ruleSet() != null) {
			Set<String> names = new HashSet<>();
			for (Rule rule : contract.ruleSet().rules()) {
				if (rule.name() == null || !names.add(rule.name())) {
					problems.add(file + ": rule '" + rule.name() + "' needs a unique name");
				}
				if (rule.kind() == null || rule.mode() == null || rule.type() == null) {
					problems.add(file + ": rule '" + rule.name() + "' needs a kind, a mode and a type");
				}
			}
			CelRules.check(schema, contract).forEach((problem) -> problems.add(file + ": " + problem));
		}
		if (contract.metadata() != null) {
			for (Map.Entry<String, ?> tag : contract.metadata().tags().entrySet()) {
				String path = tag.getKey();
				String field = path.substring(path.lastIndexOf('.') + 1);
				if (!path.equals(schema.getName() + "." + field) || schema.getField(field) == null) {
					problems.add(file + ": tag path '" + path + "' names no field of " + schema.getName()
							+ " (write <Record>.<field>)");
				}
			}
		}
		return problems;
	}

}
