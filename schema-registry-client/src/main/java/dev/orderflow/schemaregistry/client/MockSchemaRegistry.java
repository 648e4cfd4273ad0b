package dev.orderflow.schemaregistry.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory registries behind {@code mock://<scope>} URLs: one
 * {@link MockSchemaRegistryClient} per scope, shared by every serializer and deserializer
 * of the JVM that names that scope, as Confluent's {@code MockSchemaRegistry} does.
 */
public final class MockSchemaRegistry {

	/** URL scheme prefix that selects an in-memory registry. */
	public static final String MOCK_URL_PREFIX = "mock://";

	private static final Map<String, MockSchemaRegistryClient> scopes = new ConcurrentHashMap<>();

	private MockSchemaRegistry() {
	}

	/** The registry of that scope, created empty on first use. */
	public static MockSchemaRegistryClient getClientForScope(String scope) {
		return scopes.computeIfAbsent(scope, (key) -> new MockSchemaRegistryClient());
	}

	/** Forgets the registry of that scope, so the next use starts empty. */
	public static void dropScope(String scope) {
		scopes.remove(scope);
	}

}
