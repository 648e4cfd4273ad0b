package dev.orderflow.schemaregistry.client;

import java.util.List;

import dev.orderflow.schemaregistry.compatibility.CompatibilityLevel;
import dev.orderflow.schemaregistry.rules.DataContract;

/**
 * The operations of Confluent's Schema Registry REST API that producers, consumers and
 * tools need. Schemas are Avro schema JSON strings. Every method throws
 * {@link SchemaRegistryException} when the registry refuses the request or cannot be
 * reached.
 *
 * @see RestSchemaRegistryClient
 * @see MockSchemaRegistryClient
 * @see SchemaRegistryClients#create
 */
public interface SchemaRegistryClient {

	/**
	 * Registers {@code schema} under {@code subject} ({@code POST
	 * /subjects/{subject}/versions}), or finds it when it is already registered.
	 * @param normalize whether the registry should normalize the schema before comparing
	 * it
	 * @return the schema's global id
	 */
	int register(String subject, String schema, boolean normalize);

	/**
	 * Registers {@code schema} with its data contract (metadata and rule set) under
	 * {@code subject}, as Confluent's registry keeps them: the same schema with other
	 * rules is a new version. An empty contract registers the bare schema.
	 * @return the global id of the schema with its contract
	 */
	default int register(String subject, String schema, boolean normalize, DataContract contract) {
		if (contract == null || contract.isEmpty()) {
			return register(subject, schema, normalize);
		}
		throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot register data contracts");
	}

	/**
	 * The metadata and rule set registered with the schema of that id ({@code GET
	 * /schemas/ids/{id}}), {@link DataContract#NONE} when it has none.
	 */
	default DataContract getDataContract(int id) {
		return DataContract.NONE;
	}

	/** Same as {@code register(subject, schema, false)}. */
	default int register(String subject, String schema) {
		return register(subject, schema, false);
	}

	/**
	 * Looks up a schema already registered under {@code subject} ({@code POST
	 * /subjects/{subject}}), without registering it.
	 */
	SchemaMetadata lookup(String subject, String schema, boolean normalize);

	/** The global id of a schema already registered under {@code subject}. */
	default int getId(String subject, String schema, boolean normalize) {
		return lookup(subject, schema, normalize).id();
	}

	/** The schema with that global id ({@code GET /schemas/ids/{id}}). */
	String getSchemaById(int id);

	/**
	 * The latest version of the subject ({@code GET
	 * /subjects/{subject}/versions/latest}).
	 */
	SchemaMetadata getLatestSchemaMetadata(String subject);

	/**
	 * One version of the subject ({@code GET /subjects/{subject}/versions/{version}}).
	 */
	SchemaMetadata getSchemaMetadata(String subject, int version);

	/**
	 * The versions registered under the subject, ascending ({@code GET
	 * /subjects/{subject}/versions}).
	 */
	List<Integer> getAllVersions(String subject);

	/** Every subject ({@code GET /subjects}). */
	List<String> getAllSubjects();

	/**
	 * Whether {@code schema} may be registered under {@code subject} given the subject's
	 * compatibility level ({@code POST
	 * /compatibility/subjects/{subject}/versions/latest}).
	 */
	boolean testCompatibility(String subject, String schema);

	/**
	 * The compatibility level of the subject, or the global one when {@code subject} is
	 * {@code null} or has none of its own ({@code GET
	 * /config/{subject}?defaultToGlobal=true}).
	 */
	CompatibilityLevel getCompatibility(String subject);

	/**
	 * Sets the compatibility level of the subject, or the global one when {@code subject}
	 * is {@code null} ({@code PUT /config/{subject}}).
	 * @return the level now in force
	 */
	CompatibilityLevel updateCompatibility(String subject, CompatibilityLevel level);

}
