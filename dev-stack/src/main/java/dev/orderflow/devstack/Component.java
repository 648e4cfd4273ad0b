package dev.orderflow.devstack;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of process of the local stack, in start order (they stop in reverse). How
 * many of each run is the {@link Topology}'s business: none of PostgreSQL by default, up
 * to three brokers, N instances of each service.
 */
public enum Component {

	POSTGRES("postgres", "PostgreSQL (up --postgres)"), KAFKA("kafka", "Kafka broker (SASL_PLAINTEXT)"),
	SMTP("smtp", "SMTP catcher"), AUTH_SERVER("auth-server", "OAuth2 authorization server (sign-in, tokens)"),
	SCHEMA_REGISTRY("schema-registry", "schema registry HTTP API"),
	INVENTORY_SERVICE("inventory-service", "inventory-service HTTP API"),
	ORDER_SERVICE("order-service", "order-service HTTP API"),
	NOTIFICATION_SERVICE("notification-service", "notification-service HTTP API and console");

	private final String id;

	private final String purpose;

	Component(String id, String purpose) {
		this.id = id;
		this.purpose = purpose;
	}

	/** The name used on the command line, in log file names and pid files. */
	public String id() {
		return this.id;
	}

	/** What the component's port is for, as told to a user whose port is taken. */
	public String purpose() {
		return this.purpose;
	}

	/**
	 * Whether this is one of our Spring Boot applications, started from its module's jar.
	 */
	public boolean isService() {
		return this != POSTGRES && this != KAFKA && this != SMTP;
	}

	/**
	 * When it starts: the components of one wave start together, and a wave starts once
	 * every process of the one before is ready. Wave 0 needs nothing (the authorization
	 * server keeps its users and clients in memory); the registry (1) keeps its schemas
	 * in Kafka; the saga's services (2) need Kafka, the registry and their databases, not
	 * each other.
	 */
	public int startWave() {
		if (!isService() || this == AUTH_SERVER) {
			return 0;
		}
		return (this == SCHEMA_REGISTRY) ? 1 : 2;
	}

	/**
	 * Whether it keeps data in a database of its own (the registry keeps its schemas in
	 * Kafka, the authorization server its users and clients in memory).
	 */
	public boolean usesDatabase() {
		return isService() && this != SCHEMA_REGISTRY && this != AUTH_SERVER;
	}

	/**
	 * Whether it is a client of the brokers, signing in as its own Kafka principal
	 * (docs/security.md).
	 */
	public boolean usesKafka() {
		return isService() && this != AUTH_SERVER;
	}

	public static Optional<Component> byId(String id) {
		return Arrays.stream(values()).filter((c) -> c.id.equals(id)).findFirst();
	}

	public static String ids() {
		return String.join(", ", Arrays.stream(values()).map(Component::id).toList());
	}

}
