package dev.orderflow.devstack.workshop;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

import dev.orderflow.devstack.StackPorts;

/**
 * Lab 07 (a payment service joins the choreography): the registry holds both payment
 * events under TopicRecordNameStrategy, the topic {@code payments} exists, the group
 * {@code payment-service} has read {@code orders} to the end, the newest CONFIRMED order
 * was charged, and an order whose payment failed was cancelled by order-service.
 * <p>
 * It looks only at what the running stack shows, not at the learner's code: module names
 * and packages are theirs to choose, the topic, subjects and group are the contract.
 */
final class PaymentLabCheck {

	static final String TOPIC = "payments";

	static final String GROUP = "payment-service";

	static final String SUCCEEDED = "PaymentSucceeded";

	static final String FAILED = "PaymentFailed";

	private static final String NAMESPACE = "dev.orderflow.events.";

	private final LabProbe probe;

	PaymentLabCheck(LabProbe probe) {
		this.probe = probe;
	}

	static String subject(String event) {
		return TOPIC + "-" + NAMESPACE + event;
	}

	void run(LabReport report) {
		StackPorts ports = this.probe.ports();
		if (!this.probe.servicesReady(report, List.of(ports.schemaRegistry(), ports.orderService()))) {
			return;
		}
		checkSubjects(report, ports.schemaRegistry());
		LabKafka kafka = this.probe.kafka();
		try {
			checkTopicAndGroup(report, kafka);
			checkPayments(report, kafka, ports.orderService());
		}
		catch (RuntimeException ex) {
			// a broker that is down or a topic that vanished: say so rather than print a
			// stack trace
			report.check(false, "the broker answers (" + ports.bootstrapServers() + ")",
					"./orderflow status; " + ex.getMessage());
		}
	}

	private void checkSubjects(LabReport report, int registry) {
		Set<String> subjects = new TreeSet<>();
		this.probe.get(registry, "/subjects")
			.map(LabJson::parse)
			.filter(List.class::isInstance)
			.map(List.class::cast)
			.ifPresent((list) -> list.forEach((subject) -> subjects.add(String.valueOf(subject))));
		String strategy = subjects.contains(TOPIC + "-value")
				? "; payments-value means TopicNameStrategy: set value.subject.name.strategy as in lab 07, step 2" : "";
		report.check(subjects.contains(subject(SUCCEEDED)), "the registry has " + subject(SUCCEEDED),
				"start payment-service and place an order (lab 07, steps 5 and 6): its first PaymentSucceeded"
						+ " registers the schema" + strategy);
		report.check(subjects.contains(subject(FAILED)), "the registry has " + subject(FAILED),
				"place an order that is declined (lab 07, step 7)" + strategy);
	}

	private static void checkTopicAndGroup(LabReport report, LabKafka kafka) {
		report.check(kafka.topics().contains(TOPIC), "topic " + TOPIC + " exists",
				"payment-service declares it at startup (PaymentTopics, lab 07, step 3): start it (step 5)");
		OptionalLong lag = kafka.lag(GROUP, "orders");
		if (report.check(lag.isPresent(), "consumer group " + GROUP + " has read orders",
				"start payment-service (lab 07, step 5); its listener's groupId must be " + GROUP)) {
			report.check(lag.getAsLong() == 0,
					"group " + GROUP + " has caught up on orders (lag " + lag.getAsLong() + ")",
					"is payment-service running? curl -s localhost:8084/actuator/health/readiness; its log says why it"
							+ " stopped reading");
		}
	}

	private void checkPayments(LabReport report, LabKafka kafka, int orderService) {
		Optional<String> newest = this.probe.get(orderService, "/api/orders?status=CONFIRMED&limit=1")
			.map(LabJson::parse)
			.flatMap(PaymentLabCheck::firstOrderId);
		if (report.check(newest.isPresent(), "a CONFIRMED order", "place one (lab 07, step 6)")) {
			report.note("newest CONFIRMED order: " + newest.get());
			List<String> types = kafka.events(TOPIC, newest, 10).stream().map(TopicRecords.Event::type).toList();
			report.check(types.contains(SUCCEEDED), TOPIC + " carries " + SUCCEEDED + " for it",
					"wait a second and check again; else read payment-service's log (lab 07, step 6; seen: " + types
							+ ")");
		}
		Optional<String> declined = kafka.events(TOPIC, Optional.empty(), 100)
			.stream()
			.filter((event) -> event.type().equals(FAILED))
			.reduce((first, second) -> second)
			.map(TopicRecords.Event::key);
		String status = declined.flatMap((orderId) -> this.probe.get(orderService, "/api/orders/" + orderId))
			.map(LabJson::parse)
			.filter(Map.class::isInstance)
			.map((order) -> String.valueOf(((Map<?, ?>) order).get("status")))
			.orElse("unknown");
		report.check(status.equals("CANCELLED"),
				"order-service cancelled the order whose payment failed"
						+ declined.map((id) -> " (" + id + ")").orElse(""),
				declined.isEmpty() ? "place an order that is declined (lab 07, step 7)" : "it is " + status
						+ ": order-service's PaymentEventsListener must cancel it (lab 07, step 4)");
	}

	private static Optional<String> firstOrderId(Object orders) {
		if (orders instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> order
				&& order.get("orderId") != null) {
			return Optional.of(String.valueOf(order.get("orderId")));
		}
		return Optional.empty();
	}

}
