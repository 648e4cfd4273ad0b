package dev.orderflow.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import dev.orderflow.devstack.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Observability of the packaged stack after one saga: a single trace runs through the
 * three services (HTTP → order-service → outbox → Kafka → inventory-service → Kafka →
 * order-service → notification-service), found in their logs next to the orderId; the
 * saga meters moved; and every metric the Grafana dashboard queries is really scraped
 * from the services.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(1) // first on the shared stack: it counts the saga's meters from zero
@ExtendWith(SharedStack.class)
class TracingSystemTest {

	private static final int ORDERS = 8080;

	private static final int INVENTORY = 8082;

	private static final int NOTIFICATIONS = 8083;

	private static final int REGISTRY = 8081;

	private static final Duration SAGA_TIMEOUT = Duration.ofSeconds(60);

	private static final List<String> SERVICES = List.of("order-service", "inventory-service", "notification-service");

	/** The correlation block of every log line: [service,traceId,spanId,orderId=...]. */
	private static final Pattern CORRELATION = Pattern
		.compile("\\[(order-service|inventory-service|notification-service),([0-9a-f]{32}),[0-9a-f]{16},");

	/**
	 * A metric name right before its label selector, as the dashboard writes every query.
	 */
	private static final Pattern METRIC_IN_QUERY = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

	private final Http http = new Http();

	private LocalStack stack;

	private String orderId;

	@BeforeAll
	void startStackAndRunOneSaga() {
		this.stack = SharedStack.get();
		Http.Response placed = this.http.post(ORDERS, "/api/orders", """
				{"customerId":"c-1","customerEmail":"trace@example.com","lines":[{"sku":"SKU-001","quantity":1}]}""");
		assertThat(placed.status()).as(placed.body()).isEqualTo(202);
		this.orderId = placed.json().get("orderId").asText();
		await().atMost(SAGA_TIMEOUT)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.http.get(ORDERS, "/api/orders/" + this.orderId).json().get("status").asText(),
					"CONFIRMED"::equals);
		await().atMost(SAGA_TIMEOUT)
			.until(() -> this.http.get(NOTIFICATIONS, "/api/notifications?orderId=" + this.orderId).json().size() == 1);
	}

	@Test
	void oneTraceSpansTheSagaInAllThreeServices() {
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Set<String> common = null;
			for (String service : SERVICES) {
				Set<String> traces = traceIdsOfOrder(service);
				assertThat(traces).as("trace ids on %s's lines about order %s", service, this.orderId).isNotEmpty();
				if (common == null) {
					common = new HashSet<>(traces);
				}
				else {
					common.retainAll(traces);
				}
			}
			assertThat(common).as("a trace id shared by all three services for order %s", this.orderId).isNotEmpty();
		});
	}

	@Test
	void sagaMetersMovedAndEveryDashboardMetricIsScraped() throws IOException {
		String scraped = scrape(ORDERS) + scrape(INVENTORY) + scrape(NOTIFICATIONS) + scrape(REGISTRY);
		assertThat(scraped).contains("orderflow_orders_placed_total 1.0", "orderflow_orders_confirmed_total 1.0",
				"orderflow_saga_duration_seconds_count{outcome=\"confirmed\"} 1",
				"orderflow_notifications_sent_total{type=\"order_confirmed\"} 1.0",
				"orderflow_stock_reserved{sku=\"SKU-001\"}");

		Set<String> names = new TreeSet<>();
		for (String line : scraped.split("\n")) {
			if (!line.startsWith("#") && !line.isBlank()) {
				names.add(line.split("[{ ]", 2)[0]);
			}
		}
		List<String> missing = new ArrayList<>();
		for (String metric : dashboardMetrics()) {
			if (!names.contains(metric)) {
				missing.add(metric);
			}
		}
		assertThat(missing).as("metrics the dashboard queries but no service exports").isEmpty();
	}

	private Set<String> dashboardMetrics() throws IOException {
		ObjectMapper json = JsonMapper.builder().build();
		JsonNode dashboard = json.readTree(Files.readString(dashboardFile()));
		Set<String> metrics = new TreeSet<>();
		for (JsonNode panel : dashboard.get("panels")) {
			for (JsonNode target : panel.get("targets")) {
				Matcher matcher = METRIC_IN_QUERY.matcher(target.get("expr").asText());
				while (matcher.find()) {
					metrics.add(matcher.group(1));
				}
			}
		}
		assertThat(metrics).as("metrics queried by the dashboard").hasSizeGreaterThan(10);
		return metrics;
	}

	private static Path dashboardFile() {
		Path fromModule = Path.of("..", "k8s", "dashboards", "orderflow.json");
		return Files.isRegularFile(fromModule) ? fromModule : Path.of("k8s", "dashboards", "orderflow.json");
	}

	private String scrape(int port) {
		Http.Response response = this.http.get(port, "/actuator/prometheus");
		assertThat(response.status()).as("scrape of %d", port).isEqualTo(200);
		return response.body();
	}

	private Set<String> traceIdsOfOrder(String service) throws IOException {
		Path log = this.stack.dataDir().logs().resolve(service + ".log");
		Set<String> traces = new HashSet<>();
		if (!Files.isRegularFile(log)) {
			return traces;
		}
		try (Stream<String> lines = Files.lines(log)) {
			lines.filter((line) -> line.contains(this.orderId)).forEach((line) -> {
				Matcher matcher = CORRELATION.matcher(line);
				if (matcher.find()) {
					traces.add(matcher.group(2));
				}
			});
		}
		return traces;
	}

}
