package dev.orderflow.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.smtp.Mailbox;
import dev.orderflow.events.OrderConfirmed;
import dev.orderflow.events.OrderRejected;
import dev.orderflow.systemtests.OrderLoad.PlacedOrder;
import dev.orderflow.systemtests.SagaTopics.DeadLetter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One run of the saga under faults on a started stack, and everything it checks
 * afterwards: orders at a steady rate (spread over the order-service instances), poison
 * pills and faults at fixed points of the run ({@link FaultPlan}), then every accepted
 * order terminal, none confirmed twice, no event contradicting its order's state or
 * coming before its cause, stock conserved per SKU, every e-mail sent once, the dead
 * letters exactly the pills. The figures are printed, then asserted. The fault tests
 * differ only in the stack and the plan.
 */
final class SagaFaultRun {

	static final List<String> SKUS = List.of("SKU-001", "SKU-002", "SKU-003", "SKU-004", "SKU-005");

	static final String SCARCE_SKU = "SKU-SCARCE";

	/**
	 * Topic → the consumer groups that read it, each of which dead-letters a pill once.
	 */
	private static final Map<String, List<String>> READERS = Map.of("orders",
			List.of("inventory-service", "notification-service"), "inventory",
			List.of("order-service", "notification-service"));

	private static final Set<String> TERMINAL = Set.of("CONFIRMED", "REJECTED", "CANCELLED");

	private static final String UNDELIVERABLE_EMAIL = "large@example.com";

	private final Http http = new Http();

	private final String run;

	private final LocalStack stack;

	private final List<Integer> orderPorts;

	private final int inventoryPort;

	private final SagaTopics topics;

	private final Map<String, Map<String, byte[]>> pills = new LinkedHashMap<>(
			Map.of("orders", Map.of(), "inventory", Map.of()));

	private final List<String> undeliverable = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final List<DeadLetter> earlierDeadLetters = new ArrayList<>();

	private final List<String> earlierUndecodable = new ArrayList<>();

	/**
	 * How many times an SMTP conversation of a notification-service may have been cut
	 * after the server read an e-mail and before the service recorded it as sent: each
	 * cut may leave one e-mail that is sent again (the service sends one at a time and
	 * commits each event on its own).
	 */
	private final java.util.concurrent.atomic.AtomicInteger mailCuts = new java.util.concurrent.atomic.AtomicInteger();

	/**
	 * A run named {@code run} (in its customers' e-mail addresses and Idempotency-Keys)
	 * against {@code stack}; the stack may have served other runs before.
	 */
	SagaFaultRun(String run, LocalStack stack, List<Integer> orderPorts, int inventoryPort) {
		this.run = run;
		this.stack = stack;
		this.orderPorts = List.copyOf(orderPorts);
		this.inventoryPort = inventoryPort;
		this.topics = new SagaTopics(stack.bootstrapServers(), "http://127.0.0.1:" + stack.ports().schemaRegistry(),
				stack.kafkaAdminClient());
	}

	/**
	 * Places an order whose OrderPlaced is larger than the producer of order-service
	 * accepts (its {@code max.request.size} was lowered for the run): it can never be
	 * published, so it must end REJECTED with a reason, and block nobody.
	 */
	String placeUndeliverableOrder() {
		StringBuilder lines = new StringBuilder();
		for (int n = 0; n < 100; n++) {
			lines.append((n == 0) ? "" : ",")
				.append("{\"sku\":\"SKU-")
				.append("L".repeat(90))
				.append(String.format("%05d", n))
				.append("\",\"quantity\":1}");
		}
		Http.Response response = this.http.post(this.orderPorts.get(0), "/api/orders",
				"{\"customerId\":\"c-2\",\"customerEmail\":\"" + UNDELIVERABLE_EMAIL + "\",\"lines\":[" + lines + "]}");
		assertThat(response.status()).as(response.body()).isEqualTo(202);
		String orderId = response.json().get("orderId").asText();
		this.undeliverable.add(orderId);
		return "accepted " + orderId;
	}

	/** Runs {@code total} orders through {@code faults} and checks the outcome. */
	Outcome execute(int total, FaultPlan faults, int threads, int perSecond) throws Exception {
		long begin = System.nanoTime();
		Map<String, Integer> initial = stockTotals();
		// what earlier tests on the same stack left reserved is no business of this run
		Map<String, Integer> initiallyReserved = new TreeMap<>();
		stock().forEach((sku, s) -> initiallyReserved.put(sku, s.get("reserved").asInt()));
		Map<String, Integer> restocked = restock();
		// dead letters and pills of earlier runs on the same stack are theirs, not this
		// run's
		this.earlierDeadLetters.addAll(this.topics.deadLetters("orders.DLT"));
		this.earlierDeadLetters.addAll(this.topics.deadLetters("inventory.DLT"));
		this.earlierUndecodable.addAll(this.topics.decode("orders").undecodableKeys());
		OrderLoad load = new OrderLoad(this.run, this.orderPorts, SKUS, SCARCE_SKU);
		faults.start();
		try {
			load.run(total, threads, perSecond, faults::beforeOrder);
			faults.awaitAll(Duration.ofMinutes(4));
		}
		finally {
			faults.shutdownNow();
		}
		double loadSeconds = faults.elapsedSeconds();
		Map<String, byte[]> ordersPills = this.pills.get("orders");
		Map<String, byte[]> inventoryPills = this.pills.get("inventory");

		Laps laps = new Laps();
		boolean settled = awaitQuietly(Duration.ofMinutes(3), () -> pendingOrders().isEmpty());
		laps.lap("settle");
		Map<String, JsonNode> finals = finalStates(load.accepted().keySet());
		laps.lap("final states");
		Map<String, Integer> status = countByStatus(finals);
		List<String> lost = load.accepted()
			.keySet()
			.stream()
			.filter((id) -> !finals.containsKey(id) || !TERMINAL.contains(finals.get(id).get("status").asText()))
			.sorted()
			.toList();

		SagaTopics.Decoded orderEvents = this.topics.decode("orders");
		SagaTopics.Decoded inventoryEvents = this.topics.decode("inventory");
		List<String> undecodable = thisRunsUndecodable(orderEvents);
		Confirmations confirmations = Confirmations.of(orderEvents.events());
		List<String> inconsistent = confirmations.inconsistentWith(finals);
		List<String> outOfOrder = CausalOrder.violations(orderEvents.events(), inventoryEvents.events());
		List<String> duplicatedReservations = CausalOrder.reservedTwice(inventoryEvents.events());
		laps.lap("read topics");

		Map<String, Integer> reservedByConfirmed = reservedByConfirmedOrders(load.accepted(), finals);
		Map<String, JsonNode> finalStock = stock();
		List<String> stockLines = new ArrayList<>();
		List<String> stockProblems = new ArrayList<>();
		initiallyReserved.forEach((sku, reserved) -> reservedByConfirmed.merge(sku, reserved, Integer::sum));
		checkStock(initial, restocked, reservedByConfirmed, finalStock, stockLines, stockProblems);

		Map<String, Set<String>> expectedMails = expectedMails(load.accepted(), finals);
		int expectedMailCount = expectedMails.values().stream().mapToInt(Set::size).sum();
		// this run's customers only (an undeliverable order's customer must get nothing):
		// earlier runs on the same stack mailed others
		Set<String> customers = new java.util.HashSet<>(expectedMails.keySet());
		customers.add(UNDELIVERABLE_EMAIL);
		awaitQuietly(Duration.ofMinutes(2), () -> mailsTo(customers).size() >= expectedMailCount);
		laps.lap("await e-mails");
		MailCheck mail = MailCheck.of(mailsTo(customers), expectedMails);
		laps.lap("read e-mails");

		int expectedDeadLetters = ordersPills.size() * READERS.get("orders").size()
				+ inventoryPills.size() * READERS.get("inventory").size();
		awaitQuietly(Duration.ofSeconds(60), () -> deadLetters().size() >= expectedDeadLetters);
		List<DeadLetter> ordersDlt = thisRunsDeadLetters("orders.DLT");
		List<DeadLetter> inventoryDlt = thisRunsDeadLetters("inventory.DLT");
		Map<String, JsonNode> undeliverableStates = finalStates(Set.copyOf(this.undeliverable));
		laps.lap("dead letters");
		double totalSeconds = (System.nanoTime() - begin) / 1e9;

		StringBuilder figures = new StringBuilder(
				figures(load, status, lost, confirmations, inconsistent, stockLines, mail, ordersPills, inventoryPills,
						ordersDlt, inventoryDlt, undecodable, faults, loadSeconds, totalSeconds));
		figures.append("checks after the load: ").append(laps).append(System.lineSeparator());
		figures.append(String.format("events before their cause    %6d  %s%n", outOfOrder.size(), head(outOfOrder)));
		figures.append(String.format("duplicated reservations      %6d  %s%n", duplicatedReservations.size(),
				head(duplicatedReservations)));
		undeliverableStates.forEach((id, order) -> figures.append(String.format("undeliverable order %s: %s, %s%n", id,
				order.get("status").asText(), order.path("reason").asText())));

		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(load.sent()).as("orders sent").isGreaterThanOrEqualTo(total);
		softly.assertThat(load.refused()).as("orders refused with a 4xx").isZero();
		softly.assertThat(settled).as("no order left PENDING after 3 min").isTrue();
		softly.assertThat(lost).as("lost orders (accepted, never terminal)").isEmpty();
		softly.assertThat(status.getOrDefault("CONFIRMED", 0)).as("confirmed").isPositive();
		softly.assertThat(status.getOrDefault("REJECTED", 0)).as("rejected").isPositive();
		softly.assertThat(status.getOrDefault("CANCELLED", 0)).as("cancelled").isPositive();
		softly.assertThat(confirmations.confirmedTwice()).as("orders confirmed by two distinct events").isEmpty();
		softly.assertThat(inconsistent).as("orders whose events contradict their final state").isEmpty();
		softly.assertThat(outOfOrder).as("orders with an event before its cause on the partition").isEmpty();
		softly.assertThat(duplicatedReservations).as("orders reserved by two distinct events").isEmpty();
		softly.assertThat(stockProblems).as("stock equations").isEmpty();
		softly.assertThat(mail.duplicates()).as("e-mails sent twice").isEmpty();
		softly.assertThat(mail.resentCopies())
			.as("copies of one e-mail sent again: at most one per cut SMTP conversation (%d)", this.mailCuts.get())
			.isLessThanOrEqualTo(this.mailCuts.get());
		softly.assertThat(mail.missing()).as("e-mails never sent").isEmpty();
		softly.assertThat(mail.unexpected()).as("e-mails nobody should have got").isEmpty();
		softly.assertThat(undecodable)
			.as("undecodable records on orders")
			.containsExactlyInAnyOrderElementsOf(ordersPills.keySet());
		assertDeadLetters(softly, "orders.DLT", ordersDlt, ordersPills.keySet(), READERS.get("orders"));
		assertDeadLetters(softly, "inventory.DLT", inventoryDlt, inventoryPills.keySet(), READERS.get("inventory"));
		for (String id : this.undeliverable) {
			JsonNode order = undeliverableStates.get(id);
			softly.assertThat(order).as("undeliverable order %s", id).isNotNull();
			if (order != null) {
				softly.assertThat(order.get("status").asText())
					.as("undeliverable order's status")
					.isEqualTo("REJECTED");
				softly.assertThat(order.path("reason").asText())
					.as("undeliverable order's reason")
					.startsWith("not processed");
			}
		}
		return new Outcome(figures.toString(), softly, load, finals);
	}

	/**
	 * The printed figures and the checks, asserted together after printing; the load and
	 * the orders' final states for checks of a test's own.
	 */
	record Outcome(String figures, SoftAssertions checks, OrderLoad load, Map<String, JsonNode> finals) {

		void printAndAssert() {
			System.out.println(this.figures);
			this.checks.assertAll();
		}

	}

	/**
	 * Produces the pills planned with {@link #pills} for {@code topic}, as a broken
	 * producer would.
	 */
	String inject(String topic) throws Exception {
		Map<String, byte[]> planned = this.pills.get(topic);
		this.topics.produce(topic, planned);
		return "produced " + planned.keySet();
	}

	/** SIGKILL, as a crash would, then start it again and wait until it is ready. */
	String killAndRestart(String service) {
		long pid = this.stack.pid(service);
		if (service.startsWith("notification-service")) {
			mailCut();
		}
		this.stack.kill(service);
		assertThat(this.stack.isAlive(service)).as(service + " after SIGKILL").isFalse();
		this.stack.restart(service);
		return "SIGKILL pid " + pid + ", back as pid " + this.stack.pid(service);
	}

	/**
	 * Notes that the e-mail a notification-service was sending may have been cut off, as
	 * killing the SMTP server or the service does: that one e-mail may arrive twice, as
	 * copies of one message (one Message-ID).
	 */
	void mailCut() {
		this.mailCuts.incrementAndGet();
	}

	String restartBroker() {
		long pid = this.stack.pid("kafka");
		this.stack.restart("kafka");
		return "SIGTERM pid " + pid + ", back as pid " + this.stack.pid("kafka");
	}

	/**
	 * Plans {@code count} poison pills for {@code topic}; {@link #inject} produces them.
	 */
	SagaFaultRun pills(String topic, int count, java.util.function.Function<String, byte[]> value) {
		Map<String, byte[]> planned = new LinkedHashMap<>();
		IntStream.rangeClosed(1, count)
			.mapToObj((i) -> "poison-" + topic + "-" + i)
			.forEach((key) -> planned.put(key, value.apply(key)));
		this.pills.put(topic, planned);
		return this;
	}

	private Map<String, Integer> restock() {
		Map<String, Integer> restocked = new TreeMap<>();
		SKUS.forEach((sku) -> restocked.put(sku, 1000));
		restocked.put(SCARCE_SKU, 17);
		restocked.forEach((sku, quantity) -> {
			Http.Response response = this.http.post(this.inventoryPort, "/api/stock/" + sku + "/restock",
					"{\"quantity\":" + quantity + "}");
			assertThat(response.status()).as(response.body()).isEqualTo(200);
		});
		return restocked;
	}

	/** available + reserved per SKU. */
	private Map<String, Integer> stockTotals() {
		Map<String, Integer> totals = new TreeMap<>();
		stock().forEach((sku, s) -> totals.put(sku, s.get("available").asInt() + s.get("reserved").asInt()));
		return totals;
	}

	private Map<String, JsonNode> stock() {
		Map<String, JsonNode> stock = new TreeMap<>();
		this.http.get(this.inventoryPort, "/api/stock").json().forEach((s) -> stock.put(s.get("sku").asText(), s));
		return stock;
	}

	private JsonNode pendingOrders() {
		return this.http.get(this.orderPorts.get(0), "/api/orders?status=PENDING&limit=500").json();
	}

	/**
	 * Each order as order-service answers for it now, asked four at a time (thousands of
	 * GETs).
	 */
	private Map<String, JsonNode> finalStates(Set<String> orderIds) {
		Map<String, JsonNode> finals = new ConcurrentHashMap<>();
		ExecutorService readers = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> reads = orderIds.stream().<Future<?>>map((orderId) -> readers.submit(() -> {
				Http.Response response = this.http.get(this.orderPorts.get(0), "/api/orders/" + orderId);
				if (response.status() == 200) {
					finals.put(orderId, response.json());
				}
			})).toList();
			for (Future<?> read : reads) {
				read.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Reading an order's final state failed", ex.getCause());
		}
		finally {
			readers.shutdownNow();
		}
		return finals;
	}

	private static Map<String, Integer> countByStatus(Map<String, JsonNode> finals) {
		Map<String, Integer> counts = new TreeMap<>();
		finals.values().forEach((order) -> counts.merge(order.get("status").asText(), 1, Integer::sum));
		return counts;
	}

	/**
	 * What the CONFIRMED orders hold, per SKU: cancelled and rejected orders hold
	 * nothing.
	 */
	private static Map<String, Integer> reservedByConfirmedOrders(Map<String, PlacedOrder> accepted,
			Map<String, JsonNode> finals) {
		Map<String, Integer> reserved = new TreeMap<>();
		accepted.values()
			.stream()
			.filter((order) -> finals.containsKey(order.orderId())
					&& "CONFIRMED".equals(finals.get(order.orderId()).get("status").asText()))
			.forEach((order) -> order.lines().forEach((sku, quantity) -> reserved.merge(sku, quantity, Integer::sum)));
		return reserved;
	}

	private static void checkStock(Map<String, Integer> initial, Map<String, Integer> restocked,
			Map<String, Integer> reservedByConfirmed, Map<String, JsonNode> finalStock, List<String> lines,
			List<String> problems) {
		for (String sku : finalStock.keySet()) {
			int before = initial.getOrDefault(sku, 0);
			int added = restocked.getOrDefault(sku, 0);
			int available = finalStock.get(sku).get("available").asInt();
			int reserved = finalStock.get(sku).get("reserved").asInt();
			// reserved by this run's confirmed orders, plus what was reserved before it
			int held = reservedByConfirmed.getOrDefault(sku, 0);
			boolean conserved = before + added == available + reserved;
			boolean heldRight = reserved == held;
			lines.add(String.format(
					"%-11s initial %5d + restocked %5d = %5d | available %5d + reserved %5d = %5d %s"
							+ " | reserved %5d vs confirmed lines %5d %s",
					sku, before, added, before + added, available, reserved, available + reserved,
					conserved ? "OK" : "MISMATCH", reserved, held, heldRight ? "OK" : "MISMATCH"));
			if (!conserved || !heldRight) {
				problems.add(sku);
			}
		}
	}

	/**
	 * Per customer address, the e-mails (confirmed, rejected, cancelled) its order must
	 * have caused.
	 */
	private static Map<String, Set<String>> expectedMails(Map<String, PlacedOrder> accepted,
			Map<String, JsonNode> finals) {
		Map<String, Set<String>> expected = new HashMap<>();
		for (PlacedOrder order : accepted.values()) {
			JsonNode state = finals.get(order.orderId());
			if (state == null) {
				continue;
			}
			Set<String> kinds = new java.util.TreeSet<>();
			switch (state.get("status").asText()) {
				case "CONFIRMED" -> kinds.add("Order " + order.orderId() + " confirmed");
				case "REJECTED" -> kinds.add("Order " + order.orderId() + " rejected");
				case "CANCELLED" -> {
					kinds.add("Order " + order.orderId() + " cancelled");
					if (wasConfirmed(state)) {
						kinds.add("Order " + order.orderId() + " confirmed");
					}
				}
				default -> {
				}
			}
			expected.put(order.email(), kinds);
		}
		return expected;
	}

	private static boolean wasConfirmed(JsonNode order) {
		for (JsonNode step : order.get("history")) {
			if (step.has("status") && "CONFIRMED".equals(step.get("status").asText())) {
				return true;
			}
		}
		return false;
	}

	private List<Mailbox.Mail> mailsTo(Set<String> customers) {
		return new Mailbox(this.stack.dataDir().mail()).list()
			.stream()
			.filter((mail) -> customers.contains(mail.to()))
			.toList();
	}

	/** This run's dead letters on both topics. */
	private List<DeadLetter> deadLetters() {
		List<DeadLetter> all = new ArrayList<>(thisRunsDeadLetters("orders.DLT"));
		all.addAll(thisRunsDeadLetters("inventory.DLT"));
		return all;
	}

	private List<DeadLetter> thisRunsDeadLetters(String topic) {
		List<DeadLetter> letters = new ArrayList<>(this.topics.deadLetters(topic));
		this.earlierDeadLetters.forEach(letters::remove);
		return letters;
	}

	private List<String> thisRunsUndecodable(SagaTopics.Decoded orderEvents) {
		List<String> keys = new ArrayList<>(orderEvents.undecodableKeys());
		this.earlierUndecodable.forEach(keys::remove);
		return keys;
	}

	private static void assertDeadLetters(SoftAssertions softly, String topic, List<DeadLetter> letters,
			Set<String> pills, List<String> groups) {
		// a dead letter that is no pill says why it is there in the failure's description
		List<DeadLetter> strays = letters.stream().filter((letter) -> !pills.contains(letter.key())).toList();
		softly.assertThat(SagaTopics.keys(letters))
			.as("keys on " + topic + (strays.isEmpty() ? "" : ", strays " + strays))
			.containsExactlyInAnyOrderElementsOf(pills);
		Map<String, Long> expected = new HashMap<>();
		pills.forEach((pill) -> groups.forEach((group) -> expected.put(group + " " + pill, 1L)));
		softly.assertThat(SagaTopics.perGroupAndKey(letters))
			.as("dead letters per group and pill on " + topic)
			.isEqualTo(expected);
	}

	/**
	 * How long each check after the load took, so a slow run shows where its time went.
	 */
	private static final class Laps {

		private final Map<String, Double> seconds = new LinkedHashMap<>();

		private long last = System.nanoTime();

		void lap(String name) {
			long now = System.nanoTime();
			this.seconds.put(name, (now - this.last) / 1e9);
			this.last = now;
		}

		@Override
		public String toString() {
			StringBuilder out = new StringBuilder();
			this.seconds.forEach((name, took) -> out.append(out.isEmpty() ? "" : ", ")
				.append(String.format("%s %.1f s", name, took)));
			return out.toString();
		}

	}

	private static boolean awaitQuietly(Duration atMost, BooleanSupplier condition) {
		try {
			await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(condition::getAsBoolean);
			return true;
		}
		catch (ConditionTimeoutException ex) {
			return false;
		}
	}

	private static String figures(OrderLoad load, Map<String, Integer> status, List<String> lost,
			Confirmations confirmations, List<String> inconsistent, List<String> stockLines, MailCheck mail,
			Map<String, byte[]> ordersPills, Map<String, byte[]> inventoryPills, List<DeadLetter> ordersDlt,
			List<DeadLetter> inventoryDlt, List<String> undecodable, FaultPlan faults, double loadSeconds,
			double totalSeconds) {
		int injected = ordersPills.size() + inventoryPills.size();
		int distinctPills = SagaTopics.keys(ordersDlt).size() + SagaTopics.keys(inventoryDlt).size();
		StringBuilder out = new StringBuilder();
		String nl = System.lineSeparator();
		out.append(nl).append("=== fault test figures ===").append(nl);
		out.append(String.format(
				"orders sent                  %6d  (retries %d, answered by replay of the"
						+ " Idempotency-Key %d, refused %d, 5xx answers %s)%n",
				load.sent(), load.retries(), load.replayed(), load.refused(), load.serverErrors()));
		out.append(String.format("orders accepted (202/200)    %6d%n", load.accepted().size()));
		out.append(String.format("  confirmed                  %6d%n", status.getOrDefault("CONFIRMED", 0)));
		out.append(String.format("  rejected                   %6d%n", status.getOrDefault("REJECTED", 0)));
		out.append(String.format("  cancelled                  %6d  (cancels asked %d, refused with 409 %d)%n",
				status.getOrDefault("CANCELLED", 0), load.cancelRequested().size() + load.cancelsRefused(),
				load.cancelsRefused()));
		out.append(String.format("  lost (not terminal)        %6d  %s%n", lost.size(), head(lost)));
		out.append(String.format("OrderConfirmed records       %6d  (distinct eventIds %d; redelivered copies %d)%n",
				confirmations.records(), confirmations.distinctEvents(),
				confirmations.records() - confirmations.distinctEvents()));
		out.append(String.format("duplicated confirmations     %6d  %s%n", confirmations.confirmedTwice().size(),
				head(confirmations.confirmedTwice())));
		out.append(String.format("events contradicting state   %6d  %s%n", inconsistent.size(), head(inconsistent)));
		out.append(String.format(
				"e-mails                      %6d  (expected %d; duplicates %d, missing %d,"
						+ " unexpected %d; copies of one message sent again %d)%n",
				mail.received(), mail.expected(), mail.duplicates().size(), mail.missing().size(),
				mail.unexpected().size(), mail.resentCopies()));
		out.append(String.format(
				"DLT records                  %6d  (orders.DLT %d + inventory.DLT %d) = %d distinct"
						+ " pills, one per consuming group; injected %d (undecodable on orders: %d)%n",
				ordersDlt.size() + inventoryDlt.size(), ordersDlt.size(), inventoryDlt.size(), distinctPills, injected,
				undecodable.size()));
		List<DeadLetter> strays = new ArrayList<>(ordersDlt);
		strays.addAll(inventoryDlt);
		strays.removeIf((letter) -> ordersPills.containsKey(letter.key()) || inventoryPills.containsKey(letter.key()));
		if (!strays.isEmpty()) {
			out.append("  dead letters that are no pill: ").append(strays).append(nl);
		}
		out.append("stock per SKU:").append(nl);
		stockLines.forEach((line) -> out.append("  ").append(line).append(nl));
		out.append("faults:").append(nl);
		faults.timeline().forEach((line) -> out.append("  ").append(line).append(nl));
		out.append(String.format("run time: load %.1f s, whole check %.1f s%n", loadSeconds, totalSeconds));
		return out.toString();
	}

	private static String head(List<String> items) {
		return items.isEmpty() ? "" : items.stream().limit(5).collect(Collectors.joining(", ", "e.g. ", ""));
	}

	/**
	 * OrderConfirmed and OrderRejected events per order, as read from the orders topic.
	 */
	record Confirmations(Map<String, Set<String>> confirmedEventIds, Map<String, Set<String>> rejectedEventIds,
			int records) {

		static Confirmations of(List<Object> events) {
			Map<String, Set<String>> confirmed = new HashMap<>();
			Map<String, Set<String>> rejected = new HashMap<>();
			int records = 0;
			for (Object event : events) {
				if (event instanceof OrderConfirmed c) {
					records++;
					confirmed.computeIfAbsent(c.getOrderId(), (k) -> new java.util.HashSet<>())
						.add(c.getEventId().toString());
				}
				else if (event instanceof OrderRejected r) {
					rejected.computeIfAbsent(r.getOrderId(), (k) -> new java.util.HashSet<>())
						.add(r.getEventId().toString());
				}
			}
			return new Confirmations(confirmed, rejected, records);
		}

		int distinctEvents() {
			return this.confirmedEventIds.values().stream().mapToInt(Set::size).sum();
		}

		List<String> confirmedTwice() {
			return this.confirmedEventIds.entrySet()
				.stream()
				.filter((e) -> e.getValue().size() > 1)
				.map(Map.Entry::getKey)
				.sorted()
				.toList();
		}

		/**
		 * Orders both confirmed and rejected, or whose final state lacks (or contradicts)
		 * its event.
		 */
		List<String> inconsistentWith(Map<String, JsonNode> finals) {
			List<String> problems = new ArrayList<>();
			finals.forEach((orderId, order) -> {
				int confirmations = this.confirmedEventIds.getOrDefault(orderId, Set.of()).size();
				int rejections = this.rejectedEventIds.getOrDefault(orderId, Set.of()).size();
				boolean consistent = switch (order.get("status").asText()) {
					case "CONFIRMED" -> confirmations == 1 && rejections == 0;
					case "REJECTED" -> confirmations == 0 && rejections == 1;
					case "CANCELLED" -> rejections == 0 && confirmations == (wasConfirmed(order) ? 1 : 0);
					default -> true;
				};
				if (!consistent) {
					problems.add(orderId);
				}
			});
			problems.sort(null);
			return problems;
		}

	}

	/**
	 * The e-mails received, held against the ones each order should have caused. A
	 * duplicate is a second <em>message</em> about the same outcome (another Message-ID):
	 * what the customer would see twice. A copy of one message, sent again because the
	 * SMTP server went away after reading it and before answering, carries the same
	 * Message-ID and is counted apart ({@code resentCopies}).
	 */
	record MailCheck(int received, int expected, List<String> duplicates, List<String> missing, List<String> unexpected,
			int resentCopies) {

		static MailCheck of(List<Mailbox.Mail> mails, Map<String, Set<String>> expectedByAddress) {
			Map<String, Set<String>> messagesPerRecipientAndKind = new HashMap<>();
			for (Mailbox.Mail mail : mails) {
				// a mail without a Message-ID is a message of its own
				String message = mail.messageId().isEmpty() ? mail.file().toString() : mail.messageId();
				messagesPerRecipientAndKind
					.computeIfAbsent(mail.to() + " | " + kind(mail.subject()), (key) -> new java.util.HashSet<>())
					.add(message);
			}
			int messages = messagesPerRecipientAndKind.values().stream().mapToInt(Set::size).sum();
			Set<String> expected = new java.util.HashSet<>();
			expectedByAddress.forEach((to, kinds) -> kinds.forEach((kind) -> expected.add(to + " | " + kind)));
			List<String> duplicates = messagesPerRecipientAndKind.entrySet()
				.stream()
				.filter((e) -> e.getValue().size() > 1)
				.map(Map.Entry::getKey)
				.sorted()
				.toList();
			List<String> missing = expected.stream()
				.filter((k) -> !messagesPerRecipientAndKind.containsKey(k))
				.sorted()
				.toList();
			List<String> unexpected = messagesPerRecipientAndKind.keySet()
				.stream()
				.filter((k) -> !expected.contains(k))
				.sorted()
				.toList();
			return new MailCheck(mails.size(), expected.size(), duplicates, missing, unexpected,
					mails.size() - messages);
		}

		/** "Order X rejected: insufficient stock ..." → "Order X rejected". */
		private static String kind(String subject) {
			int colon = subject.indexOf(':');
			return (colon > 0) ? subject.substring(0, colon) : subject;
		}

	}

}
