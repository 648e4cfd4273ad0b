package dev.orderflow.devstack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The TCP ports of the local stack, all bound to 127.0.0.1. Tests pick free ones.
 *
 * @param kafka the broker's PLAINTEXT listener
 * @param controller the KRaft controller listener
 * @param schemaRegistry the registry's HTTP port
 * @param orderService order-service's HTTP port
 * @param inventoryService inventory-service's HTTP port
 * @param notificationService notification-service's HTTP port
 * @param smtp the SMTP catcher
 */
public record StackPorts(int kafka, int controller, int schemaRegistry, int orderService, int inventoryService,
		int notificationService, int smtp) {

	/** The ports of docs and labs: 9092/9093, 8081, 8080, 8082, 8083, 3025. */
	public static StackPorts defaults() {
		return new StackPorts(9092, 9093, 8081, 8080, 8082, 8083, 3025);
	}

	public int of(Component component) {
		return switch (component) {
			case KAFKA -> this.kafka;
			case SMTP -> this.smtp;
			case SCHEMA_REGISTRY -> this.schemaRegistry;
			case ORDER_SERVICE -> this.orderService;
			case INVENTORY_SERVICE -> this.inventoryService;
			case NOTIFICATION_SERVICE -> this.notificationService;
		};
	}

	/** Every port the given components need, with what it is for (the controller goes with Kafka). */
	public Map<Integer, String> wantedBy(Iterable<Component> components) {
		Map<Integer, String> wanted = new LinkedHashMap<>();
		for (Component component : components) {
			wanted.put(of(component), component.purpose());
			if (component == Component.KAFKA) {
				wanted.put(this.controller, "Kafka KRaft controller");
			}
		}
		return wanted;
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.kafka;
	}

}
