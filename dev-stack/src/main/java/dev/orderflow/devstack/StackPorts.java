package dev.orderflow.devstack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The TCP ports of the local stack, all bound to 127.0.0.1. Tests pick free ones.
 *
 * @param kafka the broker's client listener (SASL_PLAINTEXT)
 * @param controller the KRaft controller listener
 * @param schemaRegistry the registry's HTTP port
 * @param orderService order-service's HTTP port
 * @param inventoryService inventory-service's HTTP port
 * @param notificationService notification-service's HTTP port
 * @param smtp the SMTP catcher
 * @param postgres PostgreSQL, when the stack runs on it
 * @param authServer the OAuth2 authorization server, the issuer of the services' tokens
 */
public record StackPorts(int kafka, int controller, int schemaRegistry, int orderService, int inventoryService,
		int notificationService, int smtp, int postgres, int authServer) {

	/**
	 * Instance k of a process listens on its port + {@value} · (k − 1), e.g.
	 * order-service 8080, 8180, 8280.
	 */
	public static final int INSTANCE_STEP = 100;

	/**
	 * The ports of a stack without PostgreSQL, which then gets its default, 5432, and the
	 * issuer 9000.
	 */
	public StackPorts(int kafka, int controller, int schemaRegistry, int orderService, int inventoryService,
			int notificationService, int smtp) {
		this(kafka, controller, schemaRegistry, orderService, inventoryService, notificationService, smtp, 5432);
	}

	/** The ports of a stack whose authorization server listens on its default, 9000. */
	public StackPorts(int kafka, int controller, int schemaRegistry, int orderService, int inventoryService,
			int notificationService, int smtp, int postgres) {
		this(kafka, controller, schemaRegistry, orderService, inventoryService, notificationService, smtp, postgres,
				9000);
	}

	/**
	 * The ports of docs and labs: 9092/9093, 8081, 8080, 8082, 8083, 3025, 5432, 9000.
	 */
	public static StackPorts defaults() {
		return new StackPorts(9092, 9093, 8081, 8080, 8082, 8083, 3025, 5432, 9000);
	}

	/** The issuer of the services' tokens, as they and the CLI reach it. */
	public String issuer() {
		return "http://127.0.0.1:" + this.authServer;
	}

	/**
	 * The port of one process: its component's, plus {@link #INSTANCE_STEP} for each
	 * instance before it.
	 */
	public int of(StackProcess process) {
		return of(process.component()) + INSTANCE_STEP * (process.instance() - 1);
	}

	/** The KRaft controller listener of broker k. */
	public int controllerOf(int broker) {
		return this.controller + INSTANCE_STEP * (broker - 1);
	}

	public int of(Component component) {
		return switch (component) {
			case POSTGRES -> this.postgres;
			case KAFKA -> this.kafka;
			case SMTP -> this.smtp;
			case AUTH_SERVER -> this.authServer;
			case SCHEMA_REGISTRY -> this.schemaRegistry;
			case ORDER_SERVICE -> this.orderService;
			case INVENTORY_SERVICE -> this.inventoryService;
			case NOTIFICATION_SERVICE -> this.notificationService;
		};
	}

	/**
	 * Every port the given processes need, with what it is for (a controller goes with
	 * its broker).
	 */
	public Map<Integer, String> wantedBy(Iterable<StackProcess> processes) {
		Map<Integer, String> wanted = new LinkedHashMap<>();
		for (StackProcess process : processes) {
			wanted.put(of(process), process.purpose());
			if (process.component() == Component.KAFKA) {
				wanted.put(controllerOf(process.instance()),
						"Kafka KRaft controller" + ((process.instance() == 1) ? "" : ", node " + process.instance()));
			}
		}
		return wanted;
	}

	/**
	 * The first broker only; a client learns the others from it (see
	 * {@link Topology#bootstrapServers}).
	 */
	public String bootstrapServers() {
		return "127.0.0.1:" + this.kafka;
	}

}
