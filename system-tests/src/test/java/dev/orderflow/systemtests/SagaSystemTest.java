package dev.orderflow.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.orderflow.devstack.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's five-minute tour, run against the packaged processes: an order confirms,
 * one is rejected for stock, one for an unknown SKU, a cancel returns the stock, and each
 * customer gets exactly the e-mails the saga promises.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(2) // on the shared stack, after TracingSystemTest
@ExtendWith(SharedStack.class)
class SagaSystemTest {

	private static final int ORDERS = 8080;

	private static final int INVENTORY = 8082;

	private static final int NOTIFICATIONS = 8083;

	private static final int REGISTRY = 8081;

	private static final Duration SAGA_TIMEOUT = Duration.ofSeconds(60);

	private final Http http = new Http();

	private LocalStack stack;

	@BeforeAll
	void startStack() {
		this.stack = SharedStack.get();
	}

	@Test
	void orderWithStockIsConfirmedAndTheCustomerIsMailed() {
		JsonNode before = stock("SKU-001");
		String orderId = placeOrder("ada@example.com", "SKU-001", 2);

		JsonNode order = awaitStatus(orderId, "CONFIRMED");
		assertThat(order.get("lines").get(0).get("sku").asText()).isEqualTo("SKU-001");
		JsonNode after = stock("SKU-001");
		assertThat(after.get("reserved").asInt()).isEqualTo(before.get("reserved").asInt() + 2);
		assertThat(after.get("available").asInt()).isEqualTo(before.get("available").asInt() - 2);
		await().atMost(SAGA_TIMEOUT)
			.until(() -> mailsTo("ada@example.com").stream()
				.anyMatch((mail) -> mail.contains("Subject: Order " + orderId + " confirmed")));
		assertThat(this.http.get(NOTIFICATIONS, "/api/notifications?orderId=" + orderId).json()).hasSize(1);
	}

	@Test
	void orderBeyondTheStockIsRejectedWithTheShortfall() {
		String orderId = placeOrder("bob@example.com", "SKU-SCARCE", 50);

		JsonNode order = awaitStatus(orderId, "REJECTED");
		assertThat(order.get("reason").asText()).contains("insufficient stock", "SKU-SCARCE");
		await().atMost(SAGA_TIMEOUT)
			.until(() -> mailsTo("bob@example.com").stream()
				.anyMatch((mail) -> mail.contains("Subject: Order " + orderId + " rejected")));
	}

	@Test
	void orderForAnUnknownSkuIsRejectedWithTheReason() {
		String orderId = placeOrder("cy@example.com", "SKU-DOES-NOT-EXIST", 1);

		JsonNode order = awaitStatus(orderId, "REJECTED");
		assertThat(order.get("reason").asText()).contains("unknown SKU", "SKU-DOES-NOT-EXIST");
	}

	@Test
	void cancellingAConfirmedOrderReturnsItsStock() {
		JsonNode before = stock("SKU-002");
		String orderId = placeOrder("dee@example.com", "SKU-002", 3);
		awaitStatus(orderId, "CONFIRMED");

		Http.Response cancel = this.http.post(ORDERS, "/api/orders/" + orderId + "/cancel", "");
		assertThat(cancel.status()).isEqualTo(202);

		awaitStatus(orderId, "CANCELLED");
		await().atMost(SAGA_TIMEOUT).untilAsserted(() -> {
			JsonNode after = stock("SKU-002");
			assertThat(after.get("available").asInt()).isEqualTo(before.get("available").asInt());
			assertThat(after.get("reserved").asInt()).isEqualTo(before.get("reserved").asInt());
		});
		await().atMost(SAGA_TIMEOUT)
			.until(() -> mailsTo("dee@example.com").stream()
				.anyMatch((mail) -> mail.contains("Subject: Order " + orderId + " cancelled")));
	}

	@Test
	void badOrderGetsAProblemAndNothingIsPlaced() {
		Http.Response response = this.http.post(ORDERS, "/api/orders",
				"{\"customerId\":\"c-1\",\"customerEmail\":\"not-an-email\",\"lines\":[]}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body()).contains("customerEmail", "lines");
	}

	@Test
	void everyEventTypeIsRegisteredUnderTopicRecordNameSubjects() {
		placeOrder("eve@example.com", "SKU-003", 1);

		await().atMost(SAGA_TIMEOUT)
			.untilAsserted(() -> assertThat(this.http.get(REGISTRY, "/subjects").body()).contains(
					"orders-dev.orderflow.events.OrderPlaced", "orders-dev.orderflow.events.OrderConfirmed",
					"inventory-dev.orderflow.events.StockReserved"));
	}

	@Test
	void actuatorExposesHealthInfoAndPrometheusOnly() {
		for (int port : List.of(REGISTRY, ORDERS, INVENTORY, NOTIFICATIONS)) {
			assertThat(this.http.get(port, "/actuator/health/readiness").status()).as("readiness on %d", port)
				.isEqualTo(200);
			assertThat(this.http.get(port, "/actuator/prometheus").status()).as("prometheus on %d", port)
				.isEqualTo(200);
			// not exposed; the services also refuse any path their rules do not name (ADR
			// 0016)
			assertThat(this.http.get(port, "/actuator/env").status()).as("env on %d", port)
				.isEqualTo((port == REGISTRY) ? 404 : 401);
		}
	}

	private String placeOrder(String email, String sku, int quantity) {
		Http.Response response = this.http.post(ORDERS, "/api/orders", """
				{"customerId":"c-1","customerEmail":"%s","lines":[{"sku":"%s","quantity":%d}]}""".formatted(email, sku,
				quantity));
		assertThat(response.status()).as(response.body()).isEqualTo(202);
		String orderId = response.json().get("orderId").asText();
		assertThat(response.location()).endsWith("/api/orders/" + orderId);
		return orderId;
	}

	private JsonNode awaitStatus(String orderId, String status) {
		await().atMost(SAGA_TIMEOUT)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.http.get(ORDERS, "/api/orders/" + orderId).json().get("status").asText(), status::equals);
		return this.http.get(ORDERS, "/api/orders/" + orderId).json();
	}

	private JsonNode stock(String sku) {
		Http.Response response = this.http.get(INVENTORY, "/api/stock/" + sku);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private List<String> mailsTo(String address) throws IOException {
		Path mail = this.stack.dataDir().mail();
		if (!Files.isDirectory(mail)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(mail)) {
			return files.filter((file) -> file.toString().endsWith(".eml"))
				.map(SagaSystemTest::read)
				.filter((text) -> text.contains("To: " + address))
				.toList();
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			return "";
		}
	}

}
