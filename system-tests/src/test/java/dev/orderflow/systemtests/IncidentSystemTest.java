package dev.orderflow.systemtests;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.orderflow.devstack.Component;
import dev.orderflow.devstack.Installation;
import dev.orderflow.devstack.LocalStack;
import dev.orderflow.schemaregistry.serde.AvroSerdeConfig;
import dev.orderflow.schemaregistry.serde.KafkaAvroDeserializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incidents that are not crashes, while orders flow: the schema registry gone for 60 s
 * (with inventory-service restarted meanwhile, so its schema cache is cold), the SMTP
 * server gone for 60 s, the broker gone for 30 s during which order-service is rolled to
 * its next release (an OrderPlaced with one more optional field) while its outbox holds
 * rows of the old one, and 20 browsers that open the live stream and never read it.
 * Nothing of this run may reach a dead-letter topic, every order must end terminal with
 * its e-mails sent once, and the API must answer every POST with 202 throughout (a
 * service that is restarting is retried, and counted, by the load). It runs on the stack
 * the fault test leaves ({@link FaultStack}), as production's next incident follows the
 * last one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(8) // on the fault stack, after FaultToleranceSystemTest: it rolls order-service to
			// a new release
@ExtendWith(FaultStack.class)
class IncidentSystemTest {

	private static final int TOTAL_ORDERS = 2000;

	/**
	 * Fast enough that the 2,000 orders end soon after the last incident (at 10/s a third
	 * of them came after it, a minute the test spent on no incident at all), slow enough
	 * that the stack catches up on a minute's backlog while the next incident runs.
	 */
	private static final int PER_SECOND = 13;

	private static final int STALLED_BROWSERS = 20;

	private final List<Socket> stalledBrowsers = new CopyOnWriteArrayList<>();

	private final List<Window> windows = new CopyOnWriteArrayList<>();

	private final Http http = new Http();

	private LocalStack stack;

	@BeforeAll
	void startStack() {
		this.stack = FaultStack.get();
	}

	@AfterAll
	void stopStack() throws IOException {
		for (Socket browser : this.stalledBrowsers) {
			browser.close();
		}
		// the fault stack's last user: its order-service now runs another build
		FaultStack.stop();
	}

	@Test
	void outagesUpgradesAndStalledBrowsersLoseNothingAndDeadLetterNothing() throws Exception {
		Path nextRelease = Path.of("target", "incident-next-release").toAbsolutePath();
		Installation built = Installation.locate();
		Path orderServiceJar = built.jarOf(Component.ORDER_SERVICE);
		Path nextReleaseJar = nextRelease.resolve(orderServiceJar.getFileName());
		NextReleaseJar.build(built.repoRoot(), orderServiceJar, nextReleaseJar, nextRelease.resolve("build"));

		SagaFaultRun run = new SagaFaultRun("incident", this.stack, List.of(8080), 8082);
		FaultPlan incidents = new FaultPlan()
			.at(30, STALLED_BROWSERS + " browsers open the live stream and never read", this::stallBrowsers)
			// one after the other, each soon after the previous one is back (at 13
			// orders/s an outage of about 65 s spans some 850 orders)
			.at(50, "schema registry down 60 s, inventory-service restarted meanwhile", this::registryOutage)
			.at(900, "SMTP server down 60 s", () -> smtpOutage(run))
			.at(1710, "broker down 30 s, order-service rolled to its next release meanwhile",
					() -> brokerOutageWithUpgrade(nextReleaseJar));

		SagaFaultRun.Outcome outcome = run.execute(TOTAL_ORDERS, incidents, 4, PER_SECOND);

		UpgradeEvidence upgrade = upgradeEvidence(outcome.finals().keySet());
		String latency = latencyByWindow(outcome.finals());
		System.out.println(outcome.figures() + "saga latency by window (PENDING -> terminal):" + System.lineSeparator()
				+ latency + "OrderPlaced on orders: " + upgrade.oldSchema() + " written with today's schema, "
				+ upgrade.newSchema() + " with the next release's (" + NextReleaseJar.NEW_FIELD + ")");
		outcome.checks().assertThat(outcome.load().serverErrors()).as("5xx answers to POSTs (e.g. 503)").isEmpty();
		outcome.checks().assertThat(upgrade.oldSchema()).as("OrderPlaced of the old release").isPositive();
		outcome.checks().assertThat(upgrade.newSchema()).as("OrderPlaced of the next release").isPositive();
		outcome.checks().assertThat(this.stalledBrowsers).as("stalled browsers attached").hasSize(STALLED_BROWSERS);
		outcome.checks().assertAll();
	}

	/**
	 * Connects like the console's EventSource (its token in the query), then never reads
	 * a byte.
	 */
	private String stallBrowsers() throws IOException {
		String token = java.net.URLEncoder.encode(Tokens.operator(), StandardCharsets.UTF_8);
		for (int n = 0; n < STALLED_BROWSERS; n++) {
			Socket socket = new Socket();
			socket.setReceiveBufferSize(1024);
			socket.connect(new InetSocketAddress("127.0.0.1", 8083), 5000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET /api/notifications/stream?access_token=" + token + " HTTP/1.1\r\nHost: 127.0.0.1:8083\r\n"
					+ "Accept: text/event-stream\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			this.stalledBrowsers.add(socket);
		}
		// accepted, not refused: each is an open stream the service must keep writing to
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(metric(8083, "orderflow_live_clients")).as("live streams open")
				.isGreaterThanOrEqualTo(STALLED_BROWSERS));
		return this.stalledBrowsers.size() + " connected, " + (long) metric(8083, "orderflow_live_clients")
				+ " live streams open";
	}

	private String registryOutage() throws InterruptedException {
		Instant start = Instant.now();
		this.stack.kill("schema-registry");
		// a cold schema cache: the restarted consumer must fetch every schema it meets
		this.stack.restart("inventory-service");
		sleepUntil(start.plusSeconds(60));
		this.stack.restart("schema-registry");
		this.windows.add(new Window("registry down", start, Instant.now()));
		return "back after " + seconds(start);
	}

	private String smtpOutage(SagaFaultRun run) throws InterruptedException {
		Instant start = Instant.now();
		run.mailCut();
		this.stack.kill("smtp");
		sleepUntil(start.plusSeconds(60));
		this.stack.restart("smtp");
		this.windows.add(new Window("SMTP down", start, Instant.now()));
		return "back after " + seconds(start);
	}

	private String brokerOutageWithUpgrade(Path nextRelease) throws Exception {
		Instant start = Instant.now();
		this.stack.kill("kafka");
		// orders keep arriving into the outbox while the broker is away
		Thread.sleep(5000);
		double backlog = outboxBacklog();
		// the broker comes back after 30 s whether or not the new release is up by then
		java.util.concurrent.CompletableFuture<Void> broker = java.util.concurrent.CompletableFuture.runAsync(() -> {
			try {
				sleepUntil(start.plusSeconds(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.stack.restart("kafka");
		});
		this.stack.restartFrom("order-service", nextRelease);
		broker.get(3, java.util.concurrent.TimeUnit.MINUTES);
		this.windows.add(new Window("broker down + upgrade", start, Instant.now()));
		return "outbox backlog " + (long) backlog + " at the upgrade; back after " + seconds(start);
	}

	private double outboxBacklog() {
		return metric(8080, "orderflow_outbox_backlog");
	}

	private double metric(int port, String name) {
		String metrics = this.http.get(port, "/actuator/prometheus").body();
		return metrics.lines()
			.filter((line) -> line.startsWith(name))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElse(-1);
	}

	/**
	 * How many OrderPlaced records of this run's orders on {@code orders} were written
	 * with each release's schema.
	 */
	private UpgradeEvidence upgradeEvidence(java.util.Set<String> orderIds) {
		SagaTopics topics = new SagaTopics(this.stack.bootstrapServers(),
				"http://127.0.0.1:" + this.stack.ports().schemaRegistry(), this.stack.kafkaAdminClient());
		int oldSchema = 0;
		int newSchema = 0;
		try (KafkaAvroDeserializer generic = new KafkaAvroDeserializer()) {
			generic.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
					"http://127.0.0.1:" + this.stack.ports().schemaRegistry()), false);
			for (ConsumerRecord<String, byte[]> record : topics.readAll("orders")) {
				Object value;
				try {
					value = generic.deserialize("orders", record.value());
				}
				catch (RuntimeException ex) {
					continue;
				}
				if (value instanceof GenericRecord event && event.getSchema().getName().equals("OrderPlaced")
						&& orderIds.contains(String.valueOf(event.get("orderId")))) {
					if (event.getSchema().getField(NextReleaseJar.NEW_FIELD) != null) {
						newSchema++;
					}
					else {
						oldSchema++;
					}
				}
			}
		}
		return new UpgradeEvidence(oldSchema, newSchema);
	}

	/**
	 * p50 and max of the saga's latency for the orders placed in each window and outside
	 * all of them.
	 */
	private String latencyByWindow(Map<String, JsonNode> finals) {
		Map<String, List<Long>> byWindow = new java.util.LinkedHashMap<>();
		byWindow.put("no incident", new ArrayList<>());
		this.windows.forEach((window) -> byWindow.put(window.name(), new ArrayList<>()));
		for (JsonNode order : finals.values()) {
			Instant placed = Instant.parse(order.get("createdAt").asText());
			Instant settled = null;
			for (JsonNode step : order.get("history")) {
				String status = step.path("status").asText("");
				if (status.equals("CONFIRMED") || status.equals("REJECTED") || status.equals("CANCELLED")) {
					settled = Instant.parse(step.get("at").asText());
					break;
				}
			}
			if (settled == null) {
				continue;
			}
			String window = this.windows.stream()
				.filter((w) -> !placed.isBefore(w.start()) && !placed.isAfter(w.end()))
				.map(Window::name)
				.findFirst()
				.orElse("no incident");
			byWindow.get(window).add(Duration.between(placed, settled).toMillis());
		}
		StringBuilder out = new StringBuilder();
		byWindow.forEach((window, millis) -> {
			millis.sort(null);
			out.append(String.format("  %-24s %5d orders  p50 %7d ms  max %7d ms%n", window, millis.size(),
					millis.isEmpty() ? 0 : millis.get(millis.size() / 2),
					millis.isEmpty() ? 0 : millis.get(millis.size() - 1)));
		});
		return out.toString();
	}

	private static void sleepUntil(Instant end) throws InterruptedException {
		long millis = Duration.between(Instant.now(), end).toMillis();
		if (millis > 0) {
			Thread.sleep(millis);
		}
	}

	private static String seconds(Instant start) {
		return String.format("%.1f s", Duration.between(start, Instant.now()).toMillis() / 1000.0);
	}

	private record Window(String name, Instant start, Instant end) {
	}

	private record UpgradeEvidence(int oldSchema, int newSchema) {
	}

}
