package dev.orderflow.devstack.cli;

import java.io.PrintStream;
import java.util.Set;

import dev.orderflow.devstack.Component;
import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.StackPorts;

/**
 * What a user sees once the stack is ready: where everything is and a first request to
 * try.
 */
final class Banner {

	private static final String TOKEN = "TOKEN=$(./orderflow token customer c-1)";

	private static final String FIRST_ORDER = "curl -s -XPOST localhost:%d/api/orders -H \"Authorization: Bearer $TOKEN\" "
			+ "-H 'Content-Type: application/json' -d '{\"customerId\":\"c-1\",\"customerEmail\":\"ada@example.com\",\"lines\":[{\"sku\":\"SKU-001\",\"quantity\":2}]}'";

	private Banner() {
	}

	static void print(PrintStream out, LocalStack stack, boolean detached) {
		StackPorts ports = stack.ports();
		Set<Component> components = stack.components();
		out.println();
		out.println(
				"orderflow is up" + (detached ? " (detached; stop it with ./orderflow down)" : " (Ctrl-C stops it)"));
		line(out, components, Component.ORDER_SERVICE, "order API", url(ports.orderService()) + "/api/orders");
		line(out, components, Component.INVENTORY_SERVICE, "inventory API",
				url(ports.inventoryService()) + "/api/stock");
		// 127.0.0.1, not localhost: the authorization server sends the console's sign-in
		// back there
		line(out, components, Component.NOTIFICATION_SERVICE, "console", "http://127.0.0.1:"
				+ ports.notificationService() + "/   (sign in as c-1, c-2 or operator; API: /api/notifications)");
		line(out, components, Component.AUTH_SERVER, "sign-in", ports.issuer() + "   (./orderflow token customer c-1)");
		line(out, components, Component.SCHEMA_REGISTRY, "schema registry", url(ports.schemaRegistry()) + "/subjects");
		line(out, components, Component.KAFKA, "Kafka", stack.bootstrapServers());
		if (components.contains(Component.POSTGRES) && stack.topology().postgres()) {
			out.printf("  %-17s %s%n", "PostgreSQL",
					"127.0.0.1:" + ports.postgres() + "   (user postgres, a database per service)");
		}
		line(out, components, Component.SMTP, "SMTP catcher", "127.0.0.1:" + ports.smtp() + "   (./orderflow mail)");
		out.printf("  %-17s %s   (./orderflow logs NAME)%n", "logs", stack.dataDir().logs());
		out.printf("  %-17s %s%n", "data", stack.dataDir().root());
		if (!stack.topology().isSingle()) {
			out.printf("  %-17s %s; instance k listens on its port + %d·(k−1)   (./orderflow status)%n", "scaled out",
					stack.topology().describe(), StackPorts.INSTANCE_STEP);
		}
		if (components.contains(Component.ORDER_SERVICE)) {
			out.println();
			out.println("Place a first order, as customer c-1:");
			out.println("  " + TOKEN);
			out.println("  " + String.format(FIRST_ORDER, ports.orderService()));
		}
		out.println();
	}

	private static void line(PrintStream out, Set<Component> components, Component component, String label,
			String where) {
		if (components.contains(component)) {
			out.printf("  %-17s %s%n", label, where);
		}
	}

	private static String url(int port) {
		return "http://localhost:" + port;
	}

}
