package dev.orderflow.devstack.kafka;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * The SCRAM users of the local broker and their passwords: generated once per data
 * directory (random, in files only the owner may read, never in the repository, never
 * logged), given to the storage tool at format time and to each client. {@code admin} is
 * the broker's super user: the brokers talk to each other as it, and the stack's own
 * tools (topic creation, ACLs, the CLI, the system tests, the bench) use it; each service
 * has a principal of its own ({@link KafkaAcls}).
 */
public final class KafkaUsers {

	public static final String MECHANISM = "SCRAM-SHA-512";

	public static final String ADMIN = "admin";

	/** The file of every user's password, in the data directory's {@code config/}. */
	public static final String USERS_FILE = "kafka-users.properties";

	/**
	 * Client properties of {@link #ADMIN} for Kafka's CLI tools
	 * ({@code --command-config}).
	 */
	public static final String ADMIN_CLIENT_FILE = "kafka-admin.properties";

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private final Map<String, String> passwords;

	private KafkaUsers(Map<String, String> passwords) {
		this.passwords = Map.copyOf(passwords);
	}

	/**
	 * The users of the stack whose configuration lives in {@code configDir}: read from
	 * its users file, with a new random password for each user it does not name yet (the
	 * file is rewritten then), and the admin's client properties written next to it.
	 */
	public static KafkaUsers in(Path configDir) {
		Path file = configDir.resolve(USERS_FILE);
		Map<String, String> passwords = new LinkedHashMap<>(read(file).orElseGet(Map::of));
		boolean added = false;
		for (String user : KafkaAcls.users()) {
			if (!passwords.containsKey(user)) {
				passwords.put(user, newPassword());
				added = true;
			}
		}
		KafkaUsers users = new KafkaUsers(passwords);
		if (added) {
			writeOwnerOnly(file, "SCRAM users of the local broker, generated once; delete the data directory to renew",
					passwords);
		}
		writeOwnerOnly(configDir.resolve(ADMIN_CLIENT_FILE),
				"the local broker's super user, for Kafka's CLI tools (--command-config)",
				stringValues(users.clientProperties(ADMIN)));
		return users;
	}

	/**
	 * The admin's client properties for a stack with this configuration directory, or
	 * none when it has no users (a broker without SASL): what the CLI, the system tests
	 * and the bench connect with.
	 */
	public static Map<String, Object> adminClientProperties(Path configDir) {
		return read(configDir.resolve(USERS_FILE)).map(KafkaUsers::new)
			.map((users) -> users.clientProperties(ADMIN))
			.orElseGet(Map::of);
	}

	public String password(String user) {
		String password = this.passwords.get(user);
		if (password == null) {
			throw new IllegalArgumentException("No Kafka user " + user);
		}
		return password;
	}

	/**
	 * {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config} of a
	 * client signing in as {@code user}.
	 */
	public Map<String, Object> clientProperties(String user) {
		return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", MECHANISM, "sasl.jaas.config",
				jaasConfig(user));
	}

	/** The login module line of {@code user}, as {@code sasl.jaas.config} takes it. */
	public String jaasConfig(String user) {
		return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
				+ password(user) + "\";";
	}

	/** The storage tool's {@code --add-scram} arguments: one per user. */
	public List<String> scramArguments() {
		return KafkaAcls.users()
			.stream()
			.flatMap((user) -> Stream.of("--add-scram",
					MECHANISM + "=[name=" + user + ",password=" + password(user) + "]"))
			.toList();
	}

	/**
	 * Gives the brokers the SCRAM credentials of every user they do not know yet: a user
	 * added to {@link KafkaAcls} after the storage was formatted (the format knows those
	 * of its day only).
	 * @return the users created
	 */
	public List<String> createMissing(Admin admin) {
		try {
			Set<String> known = admin.describeUserScramCredentials()
				.users()
				.get(15, TimeUnit.SECONDS)
				.stream()
				.collect(Collectors.toSet());
			List<String> missing = KafkaAcls.users().stream().filter((user) -> !known.contains(user)).toList();
			if (!missing.isEmpty()) {
				admin
					.alterUserScramCredentials(missing.stream()
						.map((user) -> (UserScramCredentialAlteration) new UserScramCredentialUpsertion(user,
								new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password(user)))
						.toList())
					.all()
					.get(15, TimeUnit.SECONDS);
			}
			return missing;
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot create the SCRAM users of the local broker", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating SCRAM users", ex);
		}
	}

	private static String newPassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static Optional<Map<String, String>> read(Path file) {
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(file)) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
		Map<String, String> passwords = new LinkedHashMap<>();
		properties.stringPropertyNames().forEach((user) -> passwords.put(user, properties.getProperty(user)));
		return Optional.of(passwords);
	}

	private static Map<String, String> stringValues(Map<String, Object> properties) {
		Map<String, String> values = new LinkedHashMap<>();
		properties.forEach((key, value) -> values.put(key, String.valueOf(value)));
		return values;
	}

	private static void writeOwnerOnly(Path file, String comment, Map<String, String> values) {
		Properties properties = new Properties();
		values.forEach(properties::setProperty);
		StringWriter content = new StringWriter();
		try {
			properties.store(content, comment);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		writeOwnerOnly(file, content.toString());
	}

	/**
	 * Writes a file that only its owner may read, so from its creation on, replacing it
	 * atomically.
	 */
	static void writeOwnerOnly(Path file, String content) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
			Files.deleteIfExists(tmp);
			try {
				Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system (Windows): the user's profile protects it
				Files.createFile(tmp);
			}
			Files.writeString(tmp, content, StandardOpenOption.TRUNCATE_EXISTING);
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

}
