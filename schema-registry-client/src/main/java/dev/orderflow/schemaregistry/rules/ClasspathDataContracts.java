package dev.orderflow.schemaregistry.rules;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data contract kept beside a schema: for record
 * {@code dev.orderflow.events.OrderPlaced} the classpath resource
 * {@code dev/orderflow/events/OrderPlaced.rules.json}, holding {@code {"metadata": {...},
 * "ruleSet": {...}}} as a registration request carries them. The events module packages
 * each event's rules there, next to its generated class, so whatever registers the schema
 * registers its rules too.
 */
public final class ClasspathDataContracts {

	/** The file name suffix of a contract beside its {@code .avsc}. */
	public static final String SUFFIX = ".rules.json";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Map<String, DataContract> cache = new ConcurrentHashMap<>();

	private ClasspathDataContracts() {
	}

	/** The contract of a record schema, {@link DataContract#NONE} when it has none. */
	public static DataContract of(Schema schema) {
		if (schema.getType() != Schema.Type.RECORD) {
			return DataContract.NONE;
		}
		return cache.computeIfAbsent(resource(schema), ClasspathDataContracts::load);
	}

	/** Where the contract of a record schema lives on the classpath. */
	public static String resource(Schema schema) {
		String namespace = (schema.getNamespace() != null) ? schema.getNamespace().replace('.', '/') + "/" : "";
		return namespace + schema.getName() + SUFFIX;
	}

	/** Parses a contract file's text. */
	public static DataContract parse(String text) {
		return json.readValue(text, DataContract.class);
	}

	private static DataContract load(String resource) {
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		if (loader == null) {
			loader = ClasspathDataContracts.class.getClassLoader();
		}
		try (InputStream in = loader.getResourceAsStream(resource)) {
			if (in == null) {
				return DataContract.NONE;
			}
			return json.readValue(in, DataContract.class);
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("Cannot read data contract " + resource + ": " + ex.getMessage(), ex);
		}
	}

}
