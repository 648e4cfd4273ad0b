package dev.orderflow.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/**
 * What a service really reads: the keys of its {@code application.yml}, the environment
 * variables named in its {@code ${NAME:default}} placeholders, and the keys of the
 * {@code @ConfigurationProperties} records in its sources (and in eventing's, which every
 * saga service carries). An environment variable set in k8s/ must be one of those
 * placeholders or bind to one of those keys, or be one of the few Spring Boot properties
 * listed in {@link #BOOT}.
 */
final class ServiceConfig {

	/**
	 * Spring Boot properties k8s/ sets that a service's application.yml need not mention
	 * (Boot reads them anyway). Kept short on purpose: add one only with the reason it is
	 * needed.
	 */
	static final Set<String> BOOT = Set.of(
			// credentials come from Secrets, never from application.yml
			"spring.datasource.url", "spring.datasource.username", "spring.datasource.password", "spring.mail.username",
			"spring.mail.password",
			// Confluent serde settings recommended for production by docs/decisions/0001;
			// our serde
			// reads the same spring.kafka.properties.* keys
			"spring.kafka.properties.auto.register.schemas", "spring.kafka.properties.use.latest.version",
			// the registry's basic auth: Confluent's client keys, which our serde reads
			// too; the
			// user comes from a Secret, never from application.yml
			"spring.kafka.properties.basic.auth.credentials.source", "spring.kafka.properties.basic.auth.user.info",
			// actuator on its own port in k8s, so that a NetworkPolicy can open it to
			// Prometheus
			// alone (docs/security.md); locally everything shares the one port
			"management.server.port");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+):");

	private static final Pattern PROPERTIES_RECORD = Pattern
		.compile("@ConfigurationProperties\\(\"([a-z0-9.\\-]+)\"\\)[^{;]*?\\brecord\\s+\\w+\\s*\\(");

	private final String service;

	private final Map<String, Object> flat;

	private final Set<String> placeholders;

	private final Set<String> keys;

	private ServiceConfig(String service, Map<String, Object> flat, Set<String> placeholders, Set<String> keys) {
		this.service = service;
		this.flat = flat;
		this.placeholders = placeholders;
		this.keys = keys;
	}

	static ServiceConfig of(String service) {
		Path yml = Repository.module(service).resolve("src/main/resources/application.yml");
		Map<String, Object> flat = new LinkedHashMap<>();
		try (Reader reader = Files.newBufferedReader(yml)) {
			Object root = new Yaml().load(reader);
			flatten("", root, flat);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Set<String> placeholders = new LinkedHashSet<>();
		for (Object value : flat.values()) {
			Matcher matcher = PLACEHOLDER.matcher(String.valueOf(value));
			while (matcher.find()) {
				placeholders.add(matcher.group(1));
			}
		}
		Set<String> keys = new LinkedHashSet<>();
		flat.keySet().forEach((key) -> keys.add(canonical(key)));
		List<Path> sources = "schema-registry".equals(service) ? List.of(Repository.module(service))
				: List.of(Repository.module(service), Repository.module("eventing"));
		for (Path module : sources) {
			recordKeys(module.resolve("src/main/java")).forEach((key) -> keys.add(canonical(key)));
		}
		BOOT.forEach((key) -> keys.add(canonical(key)));
		return new ServiceConfig(service, flat, placeholders, keys);
	}

	/**
	 * Whether the service reads this environment variable, directly or by relaxed
	 * binding.
	 */
	boolean reads(String environmentVariable) {
		return this.placeholders.contains(environmentVariable) || this.keys.contains(bound(environmentVariable));
	}

	/**
	 * The default of server.port in application.yml ({@code ${SERVER_PORT:8080}} gives
	 * 8080).
	 */
	int defaultPort() {
		return Integer.parseInt(defaultOf("server.port"));
	}

	/** A value of application.yml with any placeholder replaced by its default. */
	String defaultOf(String key) {
		Object value = this.flat.get(key);
		if (value == null) {
			throw new AssertionError(this.service + "'s application.yml has no " + key);
		}
		String text = String.valueOf(value);
		Matcher matcher = Pattern.compile("\\$\\{[A-Za-z0-9_]+:([^${}]*)}").matcher(text);
		while (matcher.find()) {
			text = matcher.replaceFirst(Matcher.quoteReplacement(matcher.group(1)));
			matcher = Pattern.compile("\\$\\{[A-Za-z0-9_]+:([^${}]*)}").matcher(text);
		}
		return text;
	}

	Object value(String key) {
		return this.flat.get(key);
	}

	Set<String> placeholders() {
		return this.placeholders;
	}

	/**
	 * The property an environment variable binds to, in canonical form: Spring Boot
	 * lowercases it and turns underscores into dots
	 * (SPRING_KAFKA_PRODUCER_VALUESERIALIZER binds
	 * spring.kafka.producer.value-serializer).
	 */
	static String bound(String environmentVariable) {
		return environmentVariable.toLowerCase(Locale.ROOT).replace('_', '.');
	}

	/**
	 * Canonical form of a property name for comparison: lower case, no dashes, no map
	 * brackets.
	 */
	static String canonical(String key) {
		return key.toLowerCase(Locale.ROOT).replace("-", "").replace("[", "").replace("]", "");
	}

	private static void flatten(String prefix, Object node, Map<String, Object> flat) {
		if (node instanceof Map<?, ?> map) {
			map.forEach(
					(key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, flat));
		}
		else {
			flat.put(prefix, node);
		}
	}

	/** Keys of the @ConfigurationProperties records: prefix + each record component. */
	static Set<String> recordKeys(Path sources) {
		Set<String> keys = new LinkedHashSet<>();
		if (!Files.isDirectory(sources)) {
			return keys;
		}
		try (Stream<Path> files = Files.walk(sources)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				String code = Files.readString(file);
				Matcher matcher = PROPERTIES_RECORD.matcher(code);
				while (matcher.find()) {
					for (String component : components(code, matcher.end())) {
						keys.add(matcher.group(1) + "." + component);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return keys;
	}

	/**
	 * Names of the record components whose list starts at {@code start} (just after the
	 * "(").
	 */
	private static List<String> components(String code, int start) {
		List<String> names = new java.util.ArrayList<>();
		StringBuilder current = new StringBuilder();
		int parens = 1;
		int angles = 0;
		for (int i = start; i < code.length() && parens > 0; i++) {
			char c = code.charAt(i);
			switch (c) {
				case '(' -> parens++;
				case ')' -> parens--;
				case '<' -> angles++;
				case '>' -> angles--;
				default -> {
				}
			}
			if ((parens == 0) || (c == ',' && parens == 1 && angles == 0)) {
				String[] words = current.toString().trim().split("[^A-Za-z0-9_]+");
				if (words.length > 0 && !words[words.length - 1].isEmpty()) {
					names.add(words[words.length - 1]);
				}
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		return names;
	}

}
