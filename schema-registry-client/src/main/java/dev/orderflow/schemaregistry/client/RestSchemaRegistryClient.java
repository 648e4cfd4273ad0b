package dev.orderflow.schemaregistry.client;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.orderflow.schemaregistry.compatibility.CompatibilityLevel;
import dev.orderflow.schemaregistry.rules.DataContract;

/**
 * {@link SchemaRegistryClient} over Confluent's REST API v1, so it works against
 * Confluent's registry as well as ours. Several base URLs may be given: a request that
 * cannot connect to one is retried on the next, and the client keeps using whichever
 * answered last. Ids are immutable in a registry, so schema ↔ id answers are cached for
 * the life of the client. With {@link BasicAuthCredentials} every request carries
 * {@code Authorization: Basic ...}; user info in a URL ({@code http://user:pw@host:8081})
 * is never sent in the request itself.
 */
public class RestSchemaRegistryClient implements SchemaRegistryClient {

	/** Confluent's media type, for both {@code Content-Type} and {@code Accept}. */
	public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

	/** Default for connect and request timeouts. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	private static final Logger logger = LoggerFactory.getLogger(RestSchemaRegistryClient.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final List<URI> baseUrls;

	private final Duration requestTimeout;

	private final String authorization;

	private final HttpClient http;

	private final AtomicInteger current = new AtomicInteger();

	private final Map<SubjectSchema, Integer> idsBySchema = new ConcurrentHashMap<>();

	private final Map<Integer, String> schemasById = new ConcurrentHashMap<>();

	private final Map<Integer, DataContract> contractsById = new ConcurrentHashMap<>();

	private final Map<ContractKey, Integer> idsByContract = new ConcurrentHashMap<>();

	/**
	 * @param baseUrls one or more registry URLs, comma separated, e.g.
	 * {@code http://registry-1:8081,http://registry-2:8081}
	 */
	public RestSchemaRegistryClient(String baseUrls) {
		this(parseUrls(baseUrls), DEFAULT_TIMEOUT, DEFAULT_TIMEOUT);
	}

	/**
	 * Authenticates with the credentials in the URLs' user info, if any, as Confluent's
	 * client does by default ({@code basic.auth.credentials.source=URL}).
	 */
	public RestSchemaRegistryClient(List<URI> baseUrls, Duration connectTimeout, Duration requestTimeout) {
		this(baseUrls, connectTimeout, requestTimeout, BasicAuthCredentials.fromUrls(baseUrls));
	}

	/**
	 * @param credentials sent on every request; {@code null} for none (user info in the
	 * URLs is then ignored)
	 */
	public RestSchemaRegistryClient(List<URI> baseUrls, Duration connectTimeout, Duration requestTimeout,
			BasicAuthCredentials credentials) {
		if (baseUrls.isEmpty()) {
			throw new IllegalArgumentException("At least one schema registry URL is required");
		}
		this.baseUrls = baseUrls.stream().map(BasicAuthCredentials::withoutUserInfo).toList();
		this.requestTimeout = requestTimeout;
		this.authorization = (credentials != null) ? credentials.authorizationHeader() : null;
		this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
	}

	/**
	 * Parses a comma-separated list of {@code http(s)://} URLs, ignoring blanks and
	 * trailing slashes.
	 */
	public static List<URI> parseUrls(String urls) {
		List<URI> parsed = new ArrayList<>();
		for (String url : Arrays.asList(urls.split(","))) {
			String trimmed = url.trim();
			while (trimmed.endsWith("/")) {
				trimmed = trimmed.substring(0, trimmed.length() - 1);
			}
			if (trimmed.isEmpty()) {
				continue;
			}
			URI uri = parseUrl(trimmed);
			if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
				throw new IllegalArgumentException("Schema registry URL must be http(s)://host:port, got '"
						+ BasicAuthCredentials.redactUrls(trimmed) + "'");
			}
			parsed.add(uri);
		}
		return parsed;
	}

	private static URI parseUrl(String url) {
		try {
			return new URI(url);
		}
		catch (URISyntaxException ex) {
			// URISyntaxException repeats the input, which may hold a password
			throw new IllegalArgumentException(
					"Malformed schema registry URL '" + BasicAuthCredentials.redactUrls(url) + "': " + ex.getReason());
		}
	}

	/** The base URLs this client fails over between, in order, without user info. */
	public List<URI> baseUrls() {
		return this.baseUrls;
	}

	@Override
	public int register(String subject, String schema, boolean normalize) {
		SubjectSchema key = new SubjectSchema(subject, schema, normalize);
		Integer cached = this.idsBySchema.get(key);
		if (cached != null) {
			return cached;
		}
		JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions" + normalizeParam(normalize),
				schemaBody(schema));
		int id = answer.path("id").asInt(-1);
		if (id < 0) {
			throw new SchemaRegistryException(200, 0,
					"Schema registry answered a registration without an id: " + answer);
		}
		this.idsBySchema.put(key, id);
		this.schemasById.putIfAbsent(id, schema);
		return id;
	}

	@Override
	public int register(String subject, String schema, boolean normalize, DataContract contract) {
		if (contract == null || contract.isEmpty()) {
			return register(subject, schema, normalize);
		}
		ContractKey key = new ContractKey(subject, schema, normalize, contract);
		Integer cached = this.idsByContract.get(key);
		if (cached != null) {
			return cached;
		}
		ObjectNode body = json.createObjectNode().put("schema", schema);
		body.set("metadata", json.valueToTree(contract.metadata()));
		body.set("ruleSet", json.valueToTree(contract.ruleSet()));
		if (contract.metadata() == null) {
			body.remove("metadata");
		}
		if (contract.ruleSet() == null) {
			body.remove("ruleSet");
		}
		JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions" + normalizeParam(normalize),
				body.toString());
		int id = answer.path("id").asInt(-1);
		if (id < 0) {
			throw new SchemaRegistryException(200, 0,
					"Schema registry answered a registration without an id: " + answer);
		}
		this.idsByContract.put(key, id);
		return id;
	}

	@Override
	public DataContract getDataContract(int id) {
		DataContract cached = this.contractsById.get(id);
		if (cached != null) {
			return cached;
		}
		fetchById(id);
		return this.contractsById.getOrDefault(id, DataContract.NONE);
	}

	@Override
	public SchemaMetadata lookup(String subject, String schema, boolean normalize) {
		JsonNode answer = send("POST", "/subjects/" + encode(subject) + normalizeParam(normalize), schemaBody(schema));
		SchemaMetadata metadata = metadata(answer, subject);
		this.idsBySchema.put(new SubjectSchema(subject, schema, normalize), metadata.id());
		return metadata;
	}

	@Override
	public int getId(String subject, String schema, boolean normalize) {
		Integer cached = this.idsBySchema.get(new SubjectSchema(subject, schema, normalize));
		return (cached != null) ? cached : lookup(subject, schema, normalize).id();
	}

	@Override
	public String getSchemaById(int id) {
		String cached = this.schemasById.get(id);
		return (cached != null) ? cached : fetchById(id);
	}

	/**
	 * One call answers both the schema and its contract: both are kept, ids being
	 * immutable.
	 */
	private String fetchById(int id) {
		JsonNode answer = send("GET", "/schemas/ids/" + id, null);
		if (!answer.path("schema").isString()) {
			throw new SchemaRegistryException(200, 0, "Schema registry answered schema id " + id + " without a schema");
		}
		String schema = answer.get("schema").asString();
		DataContract contract = DataContract.NONE;
		if (answer.has("metadata") || answer.has("ruleSet")) {
			contract = json.treeToValue(answer, DataContract.class);
		}
		this.contractsById.putIfAbsent(id, contract);
		String previous = this.schemasById.putIfAbsent(id, schema);
		return (previous != null) ? previous : schema;
	}

	@Override
	public SchemaMetadata getLatestSchemaMetadata(String subject) {
		return metadata(send("GET", "/subjects/" + encode(subject) + "/versions/latest", null), subject);
	}

	@Override
	public SchemaMetadata getSchemaMetadata(String subject, int version) {
		return metadata(send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null), subject);
	}

	@Override
	public List<Integer> getAllVersions(String subject) {
		List<Integer> versions = new ArrayList<>();
		send("GET", "/subjects/" + encode(subject) + "/versions", null).forEach((node) -> versions.add(node.asInt()));
		return versions;
	}

	@Override
	public List<String> getAllSubjects() {
		List<String> subjects = new ArrayList<>();
		send("GET", "/subjects", null).forEach((node) -> subjects.add(node.asString()));
		return subjects;
	}

	@Override
	public boolean testCompatibility(String subject, String schema) {
		JsonNode answer = send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest",
				schemaBody(schema));
		return answer.path("is_compatible").asBoolean(false);
	}

	@Override
	public CompatibilityLevel getCompatibility(String subject) {
		String path = (subject != null) ? "/config/" + encode(subject) + "?defaultToGlobal=true" : "/config";
		JsonNode answer = send("GET", path, null);
		// GET answers "compatibilityLevel"; accept "compatibility" too, as PUT answers
		String level = answer.has("compatibilityLevel") ? answer.get("compatibilityLevel").asString()
				: answer.path("compatibility").asString(null);
		return parseLevel(level);
	}

	@Override
	public CompatibilityLevel updateCompatibility(String subject, CompatibilityLevel level) {
		String path = (subject != null) ? "/config/" + encode(subject) : "/config";
		ObjectNode body = json.createObjectNode().put("compatibility", level.name());
		JsonNode answer = send("PUT", path, body.toString());
		return parseLevel(answer.path("compatibility").asString(level.name()));
	}

	private static CompatibilityLevel parseLevel(String level) {
		return CompatibilityLevel.parse(level)
			.orElseThrow(() -> new SchemaRegistryException(200, SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL,
					"Schema registry answered an unknown compatibility level '" + level + "'"));
	}

	private static SchemaMetadata metadata(JsonNode answer, String subject) {
		return new SchemaMetadata(answer.path("id").asInt(-1), answer.path("version").asInt(-1),
				answer.path("subject").asString(subject), answer.path("schema").asString(null));
	}

	private static String schemaBody(String schema) {
		// schemaType is omitted: AVRO is the default, and older registries reject the
		// field
		return json.createObjectNode().put("schema", schema).toString();
	}

	private static String normalizeParam(boolean normalize) {
		return normalize ? "?normalize=true" : "";
	}

	private static String encode(String pathSegment) {
		return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * Sends the request to the current base URL, failing over to the next ones when a
	 * connection cannot be made. An HTTP error answer is not retried: every registry of a
	 * cluster would give the same one. Both an unreachable registry and a 5xx answer
	 * raise {@link SchemaRegistryUnavailableException}, which callers may retry later.
	 */
	private JsonNode send(String method, String path, String body) {
		int start = this.current.get();
		IOException lastFailure = null;
		for (int attempt = 0; attempt < this.baseUrls.size(); attempt++) {
			int index = (start + attempt) % this.baseUrls.size();
			URI uri = URI.create(this.baseUrls.get(index) + path);
			try {
				HttpResponse<String> response = this.http.send(request(method, uri, body), BodyHandlers.ofString());
				this.current.set(index);
				return handle(method, uri, response);
			}
			catch (IOException ex) {
				logger.debug("Schema registry {} not reachable: {}", this.baseUrls.get(index), ex.toString());
				lastFailure = ex;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SchemaRegistryException(0, 0, "Interrupted while calling schema registry " + uri, ex);
			}
		}
		throw new SchemaRegistryUnavailableException(0, 0,
				"No schema registry reachable at " + this.baseUrls + " for " + method + " " + path + ": " + lastFailure,
				lastFailure);
	}

	private HttpRequest request(String method, URI uri, String body) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
			.timeout(this.requestTimeout)
			.header("Accept", CONTENT_TYPE + ", application/json;q=0.9");
		if (body != null) {
			builder.header("Content-Type", CONTENT_TYPE);
		}
		if (this.authorization != null) {
			builder.header("Authorization", this.authorization);
		}
		return builder.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody()).build();
	}

	private static JsonNode handle(String method, URI uri, HttpResponse<String> response) {
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			try {
				return json.readTree(response.body());
			}
			catch (JacksonException ex) {
				throw new SchemaRegistryException(status, 0,
						"Schema registry answered " + method + " " + uri + " with a body that is not JSON", ex);
			}
		}
		throw error(method, uri, status, response.body());
	}

	private static SchemaRegistryException error(String method, URI uri, int status, String body) {
		int errorCode = status;
		String message = body;
		try {
			JsonNode error = json.readTree(body);
			errorCode = error.path("error_code").asInt(status);
			message = error.path("message").asString(body);
		}
		catch (JacksonException ex) {
			// not Confluent's error body (e.g. a proxy's HTML page): keep the raw body as
			// message
		}
		String text = message + " (" + method + " " + uri + ", HTTP " + status + ", error code " + errorCode + ")";
		return SchemaRegistryUnavailableException.isTransientStatus(status)
				? new SchemaRegistryUnavailableException(status, errorCode, text, null)
				: new SchemaRegistryException(status, errorCode, text);
	}

	private record SubjectSchema(String subject, String schema, boolean normalize) {
	}

	private record ContractKey(String subject, String schema, boolean normalize, DataContract contract) {
	}

}
