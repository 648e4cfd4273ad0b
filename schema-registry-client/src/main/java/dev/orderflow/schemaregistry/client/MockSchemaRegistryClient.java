package dev.orderflow.schemaregistry.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

import dev.orderflow.schemaregistry.compatibility.AvroCompatibilityChecker;
import dev.orderflow.schemaregistry.compatibility.CompatibilityLevel;
import dev.orderflow.schemaregistry.rules.DataContract;

/**
 * An in-memory schema registry for tests, behaving like Confluent's: ids are global and
 * the same schema always gets the same id, versions count per subject from 1, and a new
 * version must pass the subject's compatibility level (BACKWARD unless set otherwise).
 * Usually obtained through {@link MockSchemaRegistry#getClientForScope} from a
 * {@code mock://<scope>} URL, so producer and consumer of one test share it.
 */
public class MockSchemaRegistryClient implements SchemaRegistryClient {

	private final Map<String, Integer> idsBySchema = new HashMap<>();

	private final Map<Integer, String> schemasById = new HashMap<>();

	private final Map<String, TreeMap<Integer, Integer>> idsByVersionBySubject = new LinkedHashMap<>();

	private final Map<Integer, DataContract> contractsById = new HashMap<>();

	private final Map<String, CompatibilityLevel> compatibilityBySubject = new HashMap<>();

	private CompatibilityLevel globalCompatibility = CompatibilityLevel.BACKWARD;

	private int lastId;

	@Override
	public synchronized int register(String subject, String schema, boolean normalize) {
		return register(subject, schema, normalize, DataContract.NONE);
	}

	/**
	 * As the registry: the contract is part of the identity; a bare schema matches the
	 * newest version of the same schema, and a new one inherits the previous version's
	 * contract.
	 */
	@Override
	public synchronized int register(String subject, String schema, boolean normalize, DataContract requested) {
		String canonical = canonical(schema);
		DataContract contract = (requested != null) ? requested : DataContract.NONE;
		TreeMap<Integer, Integer> versions = this.idsByVersionBySubject.get(subject);
		if (versions != null) {
			for (Integer id : versions.descendingMap().values()) {
				if (this.schemasById.get(id).equals(canonical)
						&& (contract.isEmpty() || contract.equals(this.contractsById.get(id)))) {
					return id;
				}
			}
			if (contract.isEmpty()) {
				contract = this.contractsById.getOrDefault(versions.lastEntry().getValue(), DataContract.NONE);
			}
		}
		String identity = canonical + " with " + contract;
		Integer existingId = this.idsBySchema.get(identity);
		List<String> problems = compatibilityProblems(subject, canonical);
		if (!problems.isEmpty()) {
			throw new SchemaRegistryException(409, SchemaRegistryException.INCOMPATIBLE_SCHEMA,
					"Schema being registered is incompatible with an earlier schema for subject \"" + subject
							+ "\", details: " + problems);
		}
		int id = (existingId != null) ? existingId : ++this.lastId;
		this.idsBySchema.put(identity, id);
		this.schemasById.put(id, canonical);
		this.contractsById.put(id, contract);
		versions = this.idsByVersionBySubject.computeIfAbsent(subject, (key) -> new TreeMap<>());
		versions.put(versions.isEmpty() ? 1 : versions.lastKey() + 1, id);
		return id;
	}

	@Override
	public synchronized DataContract getDataContract(int id) {
		getSchemaById(id);
		return this.contractsById.getOrDefault(id, DataContract.NONE);
	}

	@Override
	public synchronized SchemaMetadata lookup(String subject, String schema, boolean normalize) {
		TreeMap<Integer, Integer> versions = versions(subject);
		String canonical = canonical(schema);
		return versions.descendingMap()
			.entrySet()
			.stream()
			.filter((entry) -> this.schemasById.get(entry.getValue()).equals(canonical))
			.findFirst()
			.map((entry) -> new SchemaMetadata(entry.getValue(), entry.getKey(), subject, canonical))
			.orElseThrow(() -> new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND,
					"Schema not found under subject \"" + subject + "\""));
	}

	@Override
	public synchronized String getSchemaById(int id) {
		String schema = this.schemasById.get(id);
		if (schema == null) {
			throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND,
					"Schema " + id + " not found");
		}
		return schema;
	}

	@Override
	public synchronized SchemaMetadata getLatestSchemaMetadata(String subject) {
		return getSchemaMetadata(subject, versions(subject).lastKey());
	}

	@Override
	public synchronized SchemaMetadata getSchemaMetadata(String subject, int version) {
		Integer id = versions(subject).get(version);
		if (id == null) {
			throw new SchemaRegistryException(404, SchemaRegistryException.VERSION_NOT_FOUND,
					"Version " + version + " not found for subject \"" + subject + "\"");
		}
		return new SchemaMetadata(id, version, subject, this.schemasById.get(id));
	}

	@Override
	public synchronized List<Integer> getAllVersions(String subject) {
		return new ArrayList<>(versions(subject).keySet());
	}

	@Override
	public synchronized List<String> getAllSubjects() {
		return new ArrayList<>(this.idsByVersionBySubject.keySet());
	}

	@Override
	public synchronized boolean testCompatibility(String subject, String schema) {
		return compatibilityProblems(subject, canonical(schema)).isEmpty();
	}

	@Override
	public synchronized CompatibilityLevel getCompatibility(String subject) {
		return (subject != null) ? this.compatibilityBySubject.getOrDefault(subject, this.globalCompatibility)
				: this.globalCompatibility;
	}

	@Override
	public synchronized CompatibilityLevel updateCompatibility(String subject, CompatibilityLevel level) {
		if (subject == null) {
			this.globalCompatibility = level;
		}
		else {
			this.compatibilityBySubject.put(subject, level);
		}
		return level;
	}

	private List<String> compatibilityProblems(String subject, String canonical) {
		TreeMap<Integer, Integer> versions = this.idsByVersionBySubject.get(subject);
		if (versions == null || versions.isEmpty()) {
			return List.of();
		}
		List<Schema> previous = versions.values().stream().map((id) -> parse(this.schemasById.get(id))).toList();
		return AvroCompatibilityChecker.check(getCompatibility(subject), parse(canonical), previous);
	}

	private TreeMap<Integer, Integer> versions(String subject) {
		TreeMap<Integer, Integer> versions = this.idsByVersionBySubject.get(subject);
		if (versions == null || versions.isEmpty()) {
			throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_NOT_FOUND,
					"Subject '" + subject + "' not found.");
		}
		return versions;
	}

	/**
	 * The schema as Avro prints it, so that formatting differences do not make a new id.
	 */
	private static String canonical(String schema) {
		return parse(schema).toString();
	}

	private static Schema parse(String schema) {
		try {
			return new Schema.Parser().parse(schema);
		}
		catch (SchemaParseException | NullPointerException ex) {
			throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA,
					"Invalid schema: " + ex.getMessage(), ex);
		}
	}

}
