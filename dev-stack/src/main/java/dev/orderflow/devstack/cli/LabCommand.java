package dev.orderflow.devstack.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.orderflow.devstack.StackPorts;

/**
 * {@code lab check N}: verifies a learner's result for lab N of docs/labs/ and says what is
 * missing, one OK/MISSING line per step, exit code 1 while something is missing.
 */
final class LabCommand {

	/** The customer id lab 01 asks learners to order with, so their order can be found. */
	static final String LAB01_CUSTOMER = "lab-01";

	private static final Pattern LAB01_ORDER = Pattern
		.compile("\"orderId\"\\s*:\\s*\"([0-9a-f-]{36})\"\\s*,\\s*\"customerId\"\\s*:\\s*\"" + LAB01_CUSTOMER + "\"");

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final PrintStream out;

	private final Supplier<Path> repo;

	private final StackPorts ports = StackPorts.defaults();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<String> missing = new ArrayList<>();

	LabCommand(PrintStream out, Supplier<Path> repo) {
		this.out = out;
		this.repo = repo;
	}

	int run(List<String> args) {
		if (args.size() != 2 || !args.get(0).equals("check")) {
			throw new UsageException("usage: ./orderflow lab check N (N = 1..8)");
		}
		switch (args.get(1).replaceFirst("^0", "")) {
			case "1" -> lab01();
			case "2" -> lab02();
			case "3" -> lab03();
			case "4", "5", "6", "7", "8" -> {
				this.out.println("Lab " + args.get(1) + " has no automatic check yet: its \"Expected output\""
						+ " sections in docs/labs/ say what you should see.");
				return 0;
			}
			default -> throw new UsageException("no lab " + args.get(1) + "; labs are 1..8 (docs/labs/)");
		}
		if (this.missing.isEmpty()) {
			this.out.println("Lab " + args.get(1) + ": done. Well done!");
			return 0;
		}
		this.out.println("Lab " + args.get(1) + ": " + this.missing.size() + " thing(s) missing:");
		this.missing.forEach((what) -> this.out.println("  - " + what));
		return 1;
	}

	/** Lab 01: the stack runs, the learner's order is CONFIRMED, went through both topics and was notified. */
	private void lab01() {
		boolean up = true;
		up &= check(ready(this.ports.orderService()), "order-service is ready (:8080)", "start the stack: ./orderflow up -d");
		up &= check(ready(this.ports.inventoryService()), "inventory-service is ready (:8082)", "./orderflow up -d");
		up &= check(ready(this.ports.notificationService()), "notification-service is ready (:8083)", "./orderflow up -d");
		up &= check(get(this.ports.schemaRegistry(), "/subjects").isPresent(), "schema registry answers (:8081)",
				"./orderflow up -d");
		if (!up) {
			return;
		}
		String confirmed = get(this.ports.orderService(), "/api/orders?status=CONFIRMED&limit=500").orElse("[]");
		check(confirmed.contains("\"orderId\""), "at least one CONFIRMED order", "place an order (lab 01, step 2)");
		Matcher mine = LAB01_ORDER.matcher(confirmed);
		if (!check(mine.find(), "a CONFIRMED order of customer " + LAB01_CUSTOMER,
				"place it with \"customerId\":\"" + LAB01_CUSTOMER + "\" (lab 01, step 2)")) {
			return;
		}
		String orderId = mine.group(1);
		this.out.println("      your order: " + orderId);
		TopicRecords topics = new TopicRecords(this.ports.bootstrapServers(),
				"http://127.0.0.1:" + this.ports.schemaRegistry());
		Set<String> seen = new TreeSet<>();
		for (String topic : List.of("orders", "inventory")) {
			topics.last(topic, 100, Optional.of(orderId)).forEach((event) -> seen.add(topic + ":" + event.type()));
		}
		for (String expected : List.of("orders:OrderPlaced", "inventory:StockReserved", "orders:OrderConfirmed")) {
			check(seen.contains(expected), expected.replace(":", " carries ") + " for your order",
					"follow lab 01, step 3 (seen: " + seen + ")");
		}
		String notifications = get(this.ports.notificationService(), "/api/notifications?orderId=" + orderId).orElse("");
		check(notifications.contains(orderId), "notification-service recorded your order's notification",
				"see lab 01, step 4; ./orderflow logs notification-service");
	}

	/** Lab 02: the stack runs, a record reached orders.DLT, and some service replayed a dead letter. */
	private void lab02() {
		boolean up = true;
		up &= check(ready(this.ports.orderService()), "order-service is ready (:8080)", "start the stack: ./orderflow up -d");
		up &= check(ready(this.ports.inventoryService()), "inventory-service is ready (:8082)", "./orderflow up -d");
		up &= check(ready(this.ports.notificationService()), "notification-service is ready (:8083)", "./orderflow up -d");
		if (!up) {
			return;
		}
		TopicRecords topics = new TopicRecords(this.ports.bootstrapServers(),
				"http://127.0.0.1:" + this.ports.schemaRegistry());
		boolean deadLettered;
		try {
			deadLettered = !topics.last("orders.DLT", 1, Optional.empty()).isEmpty();
		}
		catch (RuntimeException ex) {
			deadLettered = false;
		}
		check(deadLettered, "orders.DLT holds at least one dead letter", "send the poison pill (lab 02, step 1)");
		boolean replayed = false;
		for (int port : List.of(this.ports.orderService(), this.ports.inventoryService(),
				this.ports.notificationService())) {
			replayed |= get(port, "/api/dead-letters").orElse("").matches("(?s).*\"replayed\"\\s*:\\s*true.*");
		}
		check(replayed, "a service replayed a dead letter", "./orderflow dlt replay SERVICE ID (lab 02, step 4)");
	}

	/** Lab 03: some subject got a compatible v2 in the history, and the registry agrees when it runs. */
	private void lab03() {
		Path history = this.repo.get().resolve("events/src/main/schema-history");
		List<Path> v2s;
		try (Stream<Path> subjects = Files.list(history)) {
			v2s = subjects.map((subject) -> subject.resolve("v2.avsc")).filter(Files::exists).toList();
		}
		catch (IOException ex) {
			check(false, "events/src/main/schema-history exists", "run from the repository's root");
			return;
		}
		if (!check(!v2s.isEmpty(), "a subject has a released v2 in events/src/main/schema-history",
				"lab 03, step 3: add the evolved schema as <subject>/v2.avsc")) {
			return;
		}
		for (Path v2 : v2s) {
			String subject = v2.getParent().getFileName().toString();
			String schema = read(v2);
			check(schema.contains("\"default\""), subject + "/v2.avsc adds a field with a default",
					"under BACKWARD a new field needs a default (lab 03, step 1)");
			if (ready(this.ports.schemaRegistry())) {
				Optional<String> verdict = post(this.ports.schemaRegistry(),
						"/compatibility/subjects/" + subject + "/versions/latest",
						"{\"schema\":" + jsonString(schema) + "}");
				check(verdict.orElse("").contains("\"is_compatible\":true"),
						"the registry finds " + subject + "/v2.avsc compatible",
						"registry said " + verdict.orElse("nothing") + " (lab 03, step 4)");
			}
			else {
				this.out.println("SKIP  registry compatibility of " + subject + " (start the stack to check it too)");
			}
		}
		this.out.println("      the build checks the whole history: ./mvnw -q -pl schema-registry-client,events install");
	}

	private boolean check(boolean ok, String what, String hint) {
		this.out.println((ok ? "OK    " : "MISSING ") + what);
		if (!ok) {
			this.missing.add(what + ": " + hint);
		}
		return ok;
	}

	private boolean ready(int port) {
		if (port == this.ports.schemaRegistry()) {
			return get(port, "/subjects").isPresent();
		}
		return get(port, "/actuator/health/readiness").isPresent();
	}

	private Optional<String> get(int port, String path) {
		return send(HttpRequest.newBuilder(uri(port, path)).timeout(TIMEOUT).GET().build());
	}

	private Optional<String> post(int port, String path, String json) {
		return send(HttpRequest.newBuilder(uri(port, path))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/vnd.schemaregistry.v1+json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private Optional<String> send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() / 100 == 2) ? Optional.of(response.body()) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			return "";
		}
	}

	static String jsonString(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> json.append(c);
			}
		}
		return json.append('"').toString();
	}

}
