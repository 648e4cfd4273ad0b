package dev.orderflow.devstack.workshop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.orderflow.devstack.StackPorts;

/**
 * Lab 05 (outbox recovery): after services were killed mid-saga and started again, every
 * order of the lab is out of PENDING, each has its OrderPlaced on {@code orders}, and the
 * logs show that order- and inventory-service were started more than once.
 */
final class RecoveryLabCheck {

	static final String CUSTOMER = "c-2";

	private static final int MIN_ORDERS = 3;

	private static final Pattern STARTS = Pattern.compile("(?m)^=== \\S+ orderflow starts ");

	private final LabProbe probe;

	RecoveryLabCheck(LabProbe probe) {
		this.probe = probe;
	}

	void run(LabReport report) {
		StackPorts ports = this.probe.ports();
		for (String service : List.of("inventory-service", "order-service")) {
			report.check(starts(service) >= 2, service + " was started again after it died",
					"./orderflow kill " + service + ", then ./orderflow up -d (lab 05, steps 1 and 4)");
		}
		if (!this.probe.servicesReady(report,
				List.of(ports.orderService(), ports.inventoryService(), ports.notificationService()))) {
			return;
		}
		List<Map<?, ?>> orders = orders(ports.orderService());
		report.check(orders.size() >= MIN_ORDERS, orders.size() + " order(s) of customer " + CUSTOMER,
				"place at least " + MIN_ORDERS + " with \"customerId\":\"" + CUSTOMER + "\" (lab 05, step 2)");
		List<String> pending = orders.stream()
			.filter((order) -> "PENDING".equals(order.get("status")))
			.map((order) -> String.valueOf(order.get("orderId")))
			.toList();
		report.check(!orders.isEmpty() && pending.isEmpty(), "none of them is still PENDING",
				"start what is missing: ./orderflow up -d, and wait a few seconds (still PENDING: " + pending + ")");
		if (orders.isEmpty()) {
			return;
		}
		// at least once, never lost: a SIGKILL after the broker's acknowledgement and
		// before the
		// row's deletion sends the same event again (the lab's challenge 1), which
		// consumers drop
		List<String> missing = new ArrayList<>();
		TopicRecords topics = this.probe.topics();
		for (Map<?, ?> order : orders) {
			String orderId = String.valueOf(order.get("orderId"));
			boolean placed = topics.last("orders", 100, Optional.of(orderId))
				.stream()
				.anyMatch((event) -> event.type().equals("OrderPlaced"));
			if (!placed) {
				missing.add(orderId);
			}
		}
		report.check(missing.isEmpty(), "each has its OrderPlaced on orders",
				"see ./orderflow events orders --key ORDER_ID (no OrderPlaced: " + missing + ")");
	}

	private long starts(String service) {
		Matcher matcher = STARTS.matcher(this.probe.log(service));
		long starts = 0;
		while (matcher.find()) {
			starts++;
		}
		return starts;
	}

	private List<Map<?, ?>> orders(int orderService) {
		Object all = this.probe.get(orderService, "/api/orders?limit=500").map(LabJson::parse).orElse(List.of());
		List<Map<?, ?>> mine = new ArrayList<>();
		if (all instanceof List<?> list) {
			list.stream()
				.filter(Map.class::isInstance)
				.map((order) -> (Map<?, ?>) order)
				.filter((order) -> CUSTOMER.equals(order.get("customerId")))
				.forEach(mine::add);
		}
		return mine;
	}

}
