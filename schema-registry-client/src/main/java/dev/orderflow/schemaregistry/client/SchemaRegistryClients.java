package dev.orderflow.schemaregistry.client;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Creates the {@link SchemaRegistryClient} a {@code schema.registry.url} value names:
 * {@code mock://<scope>} gives the in-memory registry of that scope, one or more
 * comma-separated {@code http(s)://} URLs give a {@link RestSchemaRegistryClient}.
 */
public final class SchemaRegistryClients {

	private SchemaRegistryClients() {
	}

	/** Same as {@code create(urls, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT)}. */
	public static SchemaRegistryClient create(String urls) {
		return create(urls, RestSchemaRegistryClient.DEFAULT_TIMEOUT, RestSchemaRegistryClient.DEFAULT_TIMEOUT);
	}

	/**
	 * Authenticates a REST client with the credentials in the URLs' user info, if any.
	 * @throws IllegalArgumentException when the URLs are blank, malformed or mix
	 * {@code mock://} with real registries
	 */
	public static SchemaRegistryClient create(String urls, Duration connectTimeout, Duration requestTimeout) {
		return create(urls, (parsedUrls) -> new RestSchemaRegistryClient(parsedUrls, connectTimeout, requestTimeout));
	}

	/**
	 * @param credentials sent by a REST client on every request, {@code null} for none;
	 * ignored by the in-memory registry
	 * @throws IllegalArgumentException when the URLs are blank, malformed or mix
	 * {@code mock://} with real registries
	 */
	public static SchemaRegistryClient create(String urls, Duration connectTimeout, Duration requestTimeout,
			BasicAuthCredentials credentials) {
		return create(urls,
				(parsedUrls) -> new RestSchemaRegistryClient(parsedUrls, connectTimeout, requestTimeout, credentials));
	}

	private static SchemaRegistryClient create(String urls, Function<List<URI>, RestSchemaRegistryClient> restClient) {
		if (urls == null || urls.isBlank()) {
			throw new IllegalArgumentException("A schema registry URL is required");
		}
		List<String> parts = Arrays.stream(urls.split(",")).map(String::trim).filter((url) -> !url.isEmpty()).toList();
		long mocks = parts.stream().filter((url) -> url.startsWith(MockSchemaRegistry.MOCK_URL_PREFIX)).count();
		if (mocks == 0) {
			return restClient.apply(RestSchemaRegistryClient.parseUrls(urls));
		}
		if (parts.size() > 1) {
			throw new IllegalArgumentException(
					"Only one mock:// schema registry URL may be given, not mixed with others: "
							+ BasicAuthCredentials.redactUrls(urls));
		}
		String scope = parts.get(0).substring(MockSchemaRegistry.MOCK_URL_PREFIX.length());
		return MockSchemaRegistry.getClientForScope(scope);
	}

}
