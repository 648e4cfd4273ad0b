package dev.orderflow.devstack.workshop;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.orderflow.devstack.StackPorts;

/**
 * Lab 06 (metrics and traces): order-service's Prometheus scrape shows the saga (orders
 * placed and confirmed, the saga duration histogram, an empty outbox), and one traceId of
 * the lab's order is on that order's log lines in all three services.
 */
final class ObservabilityLabCheck {

	static final String CUSTOMER = "c-1";

	static final List<String> SERVICES = List.of("order-service", "inventory-service", "notification-service");

	/** The correlation block of every log line: [service,traceId,spanId,orderId=...]. */
	private static final Pattern CORRELATION = Pattern.compile("\\[[a-z-]+,([0-9a-f]{32}),[0-9a-f]{16},orderId=");

	private final LabProbe probe;

	ObservabilityLabCheck(LabProbe probe) {
		this.probe = probe;
	}

	void run(LabReport report) {
		StackPorts ports = this.probe.ports();
		if (!this.probe.servicesReady(report, List.of(ports.orderService()))) {
			return;
		}
		String scrape = this.probe.get(ports.orderService(), "/actuator/prometheus").orElse("");
		report.check(value(scrape, "orderflow_orders_placed_total") > 0,
				"orderflow_orders_placed_total counts your orders",
				"place an order (lab 06, step 1), then scrape localhost:8080/actuator/prometheus");
		report.check(value(scrape, "orderflow_saga_duration_seconds_count{outcome=\"confirmed\"}") > 0,
				"orderflow_saga_duration_seconds has confirmed sagas",
				"wait until your order is CONFIRMED (lab 06, step 1)");
		report.check(scrape.contains("\norderflow_outbox_backlog ") && value(scrape, "orderflow_outbox_backlog") == 0,
				"orderflow_outbox_backlog is 0: every event was published",
				"is the broker up? ./orderflow status (the relay publishes once it is)");
		Optional<String> orderId = order(ports.orderService());
		if (!report.check(orderId.isPresent(), "a CONFIRMED order of customer " + CUSTOMER,
				"place it with \"customerId\":\"" + CUSTOMER + "\" (lab 06, step 1)")) {
			return;
		}
		report.note("your order: " + orderId.get());
		Set<String> shared = null;
		for (String service : SERVICES) {
			Set<String> traces = traceIds(this.probe.log(service), orderId.get());
			if (shared == null) {
				shared = traces;
			}
			else {
				shared.retainAll(traces);
			}
		}
		report.check(!shared.isEmpty(), "one traceId of your order is in all three services' logs " + shared,
				"grep your order id in " + this.probe.dataDir().logs() + " (lab 06, step 3)");
	}

	/**
	 * The value of a sample (name and labels exactly as scraped), or -1 when there is
	 * none.
	 */
	static double value(String scrape, String sample) {
		Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(scrape);
		try {
			return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** The trace ids on the log lines about one order. */
	static Set<String> traceIds(String log, String orderId) {
		Set<String> traces = new LinkedHashSet<>();
		log.lines().filter((line) -> line.contains(orderId)).forEach((line) -> {
			Matcher matcher = CORRELATION.matcher(line);
			if (matcher.find()) {
				traces.add(matcher.group(1));
			}
		});
		return traces;
	}

	private Optional<String> order(int orderService) {
		Object confirmed = this.probe.get(orderService, "/api/orders?status=CONFIRMED&limit=500")
			.map(LabJson::parse)
			.orElse(List.of());
		if (!(confirmed instanceof List<?> orders)) {
			return Optional.empty();
		}
		return orders.stream()
			.filter(Map.class::isInstance)
			.map((order) -> (Map<?, ?>) order)
			.filter((order) -> CUSTOMER.equals(order.get("customerId")))
			.map((order) -> String.valueOf(order.get("orderId")))
			.findFirst();
	}

}
