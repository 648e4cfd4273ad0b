package dev.orderflow.schemaregistry.serde;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigException;

import dev.orderflow.schemaregistry.client.BasicAuthCredentials;
import dev.orderflow.schemaregistry.client.RestSchemaRegistryClient;
import dev.orderflow.schemaregistry.client.SchemaRegistryClient;
import dev.orderflow.schemaregistry.client.SchemaRegistryClients;
import dev.orderflow.schemaregistry.serde.subject.RecordNameStrategy;
import dev.orderflow.schemaregistry.serde.subject.SubjectNameStrategy;
import dev.orderflow.schemaregistry.serde.subject.TopicNameStrategy;
import dev.orderflow.schemaregistry.serde.subject.TopicRecordNameStrategy;

/**
 * The configuration of {@link KafkaAvroSerializer} and {@link KafkaAvroDeserializer},
 * read from the Kafka client properties under Confluent's own keys, so the same
 * properties configure Confluent's serde. Bad values fail fast with a
 * {@link ConfigException} naming the key.
 *
 * @param registryUrl {@value #SCHEMA_REGISTRY_URL}: {@code mock://<scope>} or
 * comma-separated {@code http(s)://} URLs; {@code null} only when a client was given to
 * the serde directly
 * @param autoRegisterSchemas {@value #AUTO_REGISTER_SCHEMAS}: register unknown schemas
 * when serializing (default true)
 * @param useLatestVersion {@value #USE_LATEST_VERSION}: serialize with the subject's
 * latest registered schema instead of the record's own (default false)
 * @param normalizeSchemas {@value #NORMALIZE_SCHEMAS}: ask the registry to normalize
 * schemas (default false)
 * @param specificAvroReader {@value #SPECIFIC_AVRO_READER}: deserialize to generated
 * classes rather than GenericRecord (default false)
 * @param keySubjectNameStrategy {@value #KEY_SUBJECT_NAME_STRATEGY} (default
 * TopicNameStrategy)
 * @param valueSubjectNameStrategy {@value #VALUE_SUBJECT_NAME_STRATEGY} (default
 * TopicNameStrategy)
 * @param latestCacheTtl {@value #LATEST_CACHE_TTL_SEC}: how long the latest version is
 * cached for {@code use.latest.version}; negative means for ever (default -1, as
 * Confluent)
 * @param connectTimeout {@value #CONNECT_TIMEOUT_MS} (default 30s)
 * @param requestTimeout {@value #READ_TIMEOUT_MS} (default 30s)
 * @param basicAuth HTTP Basic credentials for the registry, {@code null} for none: from
 * {@value #BASIC_AUTH_USER_INFO} when {@value #BASIC_AUTH_CREDENTIALS_SOURCE} is
 * {@code USER_INFO}, from the user info of the registry URL when it is {@code URL} (the
 * default, as Confluent's)
 */
public record AvroSerdeConfig(String registryUrl, boolean autoRegisterSchemas, boolean useLatestVersion,
		boolean normalizeSchemas, boolean specificAvroReader, SubjectNameStrategy keySubjectNameStrategy,
		SubjectNameStrategy valueSubjectNameStrategy, Duration latestCacheTtl, Duration connectTimeout,
		Duration requestTimeout, BasicAuthCredentials basicAuth) {

	public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

	public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

	public static final String USE_LATEST_VERSION = "use.latest.version";

	public static final String NORMALIZE_SCHEMAS = "normalize.schemas";

	public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

	public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";

	public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

	public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";

	public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";

	public static final String READ_TIMEOUT_MS = "http.read.timeout.ms";

	public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";

	public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

	/** Confluent passes client settings with this prefix too; both spellings are read. */
	private static final String CLIENT_PREFIX = "schema.registry.";

	private static final String CONFLUENT_STRATEGY_PACKAGE = "io.confluent.kafka.serializers.subject.";

	private static final Map<String, Class<? extends SubjectNameStrategy>> STRATEGIES = Map.of("TopicNameStrategy",
			TopicNameStrategy.class, "RecordNameStrategy", RecordNameStrategy.class, "TopicRecordNameStrategy",
			TopicRecordNameStrategy.class);

	/** Without basic auth credentials. */
	public AvroSerdeConfig(String registryUrl, boolean autoRegisterSchemas, boolean useLatestVersion,
			boolean normalizeSchemas, boolean specificAvroReader, SubjectNameStrategy keySubjectNameStrategy,
			SubjectNameStrategy valueSubjectNameStrategy, Duration latestCacheTtl, Duration connectTimeout,
			Duration requestTimeout) {
		this(registryUrl, autoRegisterSchemas, useLatestVersion, normalizeSchemas, specificAvroReader,
				keySubjectNameStrategy, valueSubjectNameStrategy, latestCacheTtl, connectTimeout, requestTimeout, null);
	}

	/**
	 * Reads the configuration from Kafka client properties.
	 * @param registryUrlRequired false when the serde was given a client directly
	 * @throws ConfigException naming the key of a missing or bad value
	 */
	public static AvroSerdeConfig from(Map<String, ?> configs, boolean registryUrlRequired) {
		String url = registryUrl(configs.get(SCHEMA_REGISTRY_URL));
		if (registryUrlRequired && url == null) {
			throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL
					+ "\" which has no default value; use http://host:8081 or mock://<scope> in tests");
		}
		return new AvroSerdeConfig(url, bool(configs, AUTO_REGISTER_SCHEMAS, true),
				bool(configs, USE_LATEST_VERSION, false), bool(configs, NORMALIZE_SCHEMAS, false),
				bool(configs, SPECIFIC_AVRO_READER, false), strategy(configs, KEY_SUBJECT_NAME_STRATEGY),
				strategy(configs, VALUE_SUBJECT_NAME_STRATEGY),
				Duration.ofSeconds(number(configs, LATEST_CACHE_TTL_SEC, -1)),
				Duration.ofMillis(number(configs, clientKey(configs, CONNECT_TIMEOUT_MS),
						RestSchemaRegistryClient.DEFAULT_TIMEOUT.toMillis())),
				Duration.ofMillis(number(configs, clientKey(configs, READ_TIMEOUT_MS),
						RestSchemaRegistryClient.DEFAULT_TIMEOUT.toMillis())),
				basicAuth(configs, url));
	}

	/**
	 * The client {@link #registryUrl()} names: the in-memory registry of a
	 * {@code mock://} scope or a REST client.
	 * @throws ConfigException when the URL is malformed
	 */
	public SchemaRegistryClient createClient() {
		try {
			return SchemaRegistryClients.create(this.registryUrl, this.connectTimeout, this.requestTimeout,
					this.basicAuth);
		}
		catch (IllegalArgumentException ex) {
			throw new ConfigException(SCHEMA_REGISTRY_URL, BasicAuthCredentials.redactUrls(this.registryUrl),
					ex.getMessage());
		}
	}

	/** The subject name strategy for keys or values. */
	public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
		return isKey ? this.keySubjectNameStrategy : this.valueSubjectNameStrategy;
	}

	private static String registryUrl(Object value) {
		if (value == null) {
			return null;
		}
		String url = (value instanceof Collection<?> urls)
				? urls.stream().map(String::valueOf).collect(Collectors.joining(",")) : value.toString();
		return url.isBlank() ? null : url.trim();
	}

	/**
	 * Confluent's three sources; an empty source means no authentication, as in
	 * Confluent's client. Messages name the key but never repeat a credential.
	 */
	private static BasicAuthCredentials basicAuth(Map<String, ?> configs, String url) {
		String sourceKey = clientKey(configs, BASIC_AUTH_CREDENTIALS_SOURCE);
		Object source = configs.get(sourceKey);
		String name = (source != null) ? source.toString().trim() : "URL";
		return switch (name) {
			case "" -> null;
			case "URL" -> credentialsInUrl(url);
			case "USER_INFO" -> credentialsInUserInfo(configs, sourceKey);
			case "SASL_INHERIT" -> throw new ConfigException(sourceKey, source,
					"SASL_INHERIT is not supported by this serde; use USER_INFO with " + BASIC_AUTH_USER_INFO
							+ " or URL with http://user:password@host:port");
			default -> throw new ConfigException(sourceKey, source,
					"Unknown basic auth credentials source; use " + "USER_INFO or URL");
		};
	}

	private static BasicAuthCredentials credentialsInUrl(String urls) {
		if (urls == null) {
			return null;
		}
		List<URI> parsed = new ArrayList<>();
		for (String url : urls.split(",")) {
			try {
				parsed.add(new URI(url.trim()));
			}
			catch (URISyntaxException ex) {
				// a malformed URL is reported, without its user info, when the client is
				// created
			}
		}
		try {
			return BasicAuthCredentials.fromUrls(parsed);
		}
		catch (IllegalArgumentException ex) {
			throw new ConfigException("Invalid user info in configuration \"" + SCHEMA_REGISTRY_URL
					+ "\" (used because " + BASIC_AUTH_CREDENTIALS_SOURCE + " is URL): " + ex.getMessage());
		}
	}

	private static BasicAuthCredentials credentialsInUserInfo(Map<String, ?> configs, String sourceKey) {
		String key = clientKey(configs, BASIC_AUTH_USER_INFO);
		Object userInfo = configs.get(key);
		if (userInfo == null || userInfo.toString().isBlank()) {
			throw new ConfigException("Missing configuration \"" + BASIC_AUTH_USER_INFO + "\", required when \""
					+ sourceKey + "\" is USER_INFO");
		}
		try {
			return BasicAuthCredentials.parse(userInfo.toString());
		}
		catch (IllegalArgumentException ex) {
			throw new ConfigException("Invalid value for configuration \"" + key + "\": " + ex.getMessage());
		}
	}

	private static String clientKey(Map<String, ?> configs, String key) {
		return configs.containsKey(CLIENT_PREFIX + key) ? CLIENT_PREFIX + key : key;
	}

	private static boolean bool(Map<String, ?> configs, String key, boolean defaultValue) {
		Object value = configs.get(key);
		if (value == null) {
			return defaultValue;
		}
		if (value instanceof Boolean flag) {
			return flag;
		}
		return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new ConfigException(key, value, "Expected true or false");
		};
	}

	private static long number(Map<String, ?> configs, String key, long defaultValue) {
		Object value = configs.get(key);
		if (value == null) {
			return defaultValue;
		}
		if (value instanceof Number number) {
			return number.longValue();
		}
		try {
			return Long.parseLong(value.toString().trim());
		}
		catch (NumberFormatException ex) {
			throw new ConfigException(key, value, "Expected a whole number");
		}
	}

	private static SubjectNameStrategy strategy(Map<String, ?> configs, String key) {
		Object value = configs.get(key);
		if (value == null) {
			return new TopicNameStrategy();
		}
		if (value instanceof SubjectNameStrategy strategy) {
			return strategy;
		}
		String className = (value instanceof Class<?> type) ? type.getName() : value.toString().trim();
		Class<? extends SubjectNameStrategy> known = knownStrategy(className);
		if (known != null) {
			return instantiate(known, key, value);
		}
		return instantiate(loadStrategy(className, key, value), key, value);
	}

	/** Confluent's and our own class names of the three standard strategies. */
	private static Class<? extends SubjectNameStrategy> knownStrategy(String className) {
		for (Map.Entry<String, Class<? extends SubjectNameStrategy>> entry : STRATEGIES.entrySet()) {
			if (className.equals(CONFLUENT_STRATEGY_PACKAGE + entry.getKey())
					|| className.equals(entry.getValue().getName())) {
				return entry.getValue();
			}
		}
		return null;
	}

	private static Class<? extends SubjectNameStrategy> loadStrategy(String className, String key, Object value) {
		try {
			ClassLoader loader = Thread.currentThread().getContextClassLoader();
			Class<?> type = Class.forName(className, true,
					(loader != null) ? loader : AvroSerdeConfig.class.getClassLoader());
			if (!SubjectNameStrategy.class.isAssignableFrom(type)) {
				throw new ConfigException(key, value, "Not a " + SubjectNameStrategy.class.getName());
			}
			return type.asSubclass(SubjectNameStrategy.class);
		}
		catch (ClassNotFoundException ex) {
			throw new ConfigException(key, value, "Unknown subject name strategy; use one of "
					+ STRATEGIES.keySet().stream().sorted().map((name) -> CONFLUENT_STRATEGY_PACKAGE + name).toList()
					+ " or a class implementing " + SubjectNameStrategy.class.getName());
		}
	}

	/** Never shows the password, wherever the credentials came from. */
	@Override
	public String toString() {
		return "AvroSerdeConfig[registryUrl=" + BasicAuthCredentials.redactUrls(this.registryUrl)
				+ ", autoRegisterSchemas=" + this.autoRegisterSchemas + ", useLatestVersion=" + this.useLatestVersion
				+ ", normalizeSchemas=" + this.normalizeSchemas + ", specificAvroReader=" + this.specificAvroReader
				+ ", keySubjectNameStrategy=" + this.keySubjectNameStrategy + ", valueSubjectNameStrategy="
				+ this.valueSubjectNameStrategy + ", latestCacheTtl=" + this.latestCacheTtl + ", connectTimeout="
				+ this.connectTimeout + ", requestTimeout=" + this.requestTimeout + ", basicAuth=" + this.basicAuth
				+ "]";
	}

	private static SubjectNameStrategy instantiate(Class<? extends SubjectNameStrategy> type, String key,
			Object value) {
		try {
			return type.getDeclaredConstructor().newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new ConfigException(key, value, "Cannot instantiate: " + ex);
		}
	}

}
