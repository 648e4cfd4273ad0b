package dev.orderflow.eventing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;

import dev.orderflow.schemaregistry.client.MockSchemaRegistry;
import dev.orderflow.schemaregistry.client.SchemaRegistryClient;
import dev.orderflow.schemaregistry.client.SchemaRegistryUnavailableException;
import dev.orderflow.schemaregistry.serde.KafkaAvroDeserializer;

/**
 * The application's deserializer on the test's in-memory registry, which cannot be
 * reached until {@link #unavailableUntil}: what a consumer with a cold schema cache meets
 * when the registry is down. Its client throws what the REST client throws when no
 * registry answers.
 */
public class FlakyRegistryDeserializer extends KafkaAvroDeserializer {

	static volatile Instant unavailableUntil = Instant.MIN;

	public FlakyRegistryDeserializer() {
		super(flaky(MockSchemaRegistry.getClientForScope("eventing-test")));
	}

	private static SchemaRegistryClient flaky(SchemaRegistryClient registry) {
		return (SchemaRegistryClient) Proxy.newProxyInstance(SchemaRegistryClient.class.getClassLoader(),
				new Class<?>[] { SchemaRegistryClient.class }, (proxy, method, args) -> {
					if (Instant.now().isBefore(unavailableUntil)) {
						throw new SchemaRegistryUnavailableException(0, 0,
								"No schema registry reachable (test: registry stopped)",
								new java.net.ConnectException("Connection refused"));
					}
					try {
						return method.invoke(registry, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
