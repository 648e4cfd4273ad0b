package dev.orderflow.order;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import dev.orderflow.events.OrderLine;
import dev.orderflow.events.StockRejected;
import dev.orderflow.events.StockRejectionCode;
import dev.orderflow.events.StockReleased;
import dev.orderflow.events.StockReserved;
import dev.orderflow.schemaregistry.serde.KafkaAvroSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The saga meters after a known set of orders. It shares the context and broker of every
 * {@link OrderServiceIntegrationTest}, so the meters are compared before and after.
 */
@OrderServiceIntegrationTest
class OrderMetricsIntegrationTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	MockMvc mvc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Test
	void sagaMetersCountEachOutcomeOnceAndTimeTheSaga() throws Exception {
		double placed = count("orderflow.orders.placed");
		double confirmed = count("orderflow.orders.confirmed");
		double shortOfStock = count(
				Search.in(this.meters).name("orderflow.orders.rejected").tag("reason", "insufficient_stock"));
		double unknownSku = count(
				Search.in(this.meters).name("orderflow.orders.rejected").tag("reason", "unknown_sku"));
		double cancelled = count("orderflow.orders.cancelled");
		long confirmedSagas = sagas("confirmed");

		String toConfirm = placeOrder();
		String toReject = placeOrder();
		String unknown = placeOrder();
		String toCancel = placeOrder();
		try (KafkaProducer<String, Object> inventory = inventoryProducer()) {
			StockReserved reserved = StockReserved.newBuilder()
				.setEventId(UUID.randomUUID())
				.setOrderId(toConfirm)
				.setOccurredAt(Instant.now())
				.setLines(List.of(new OrderLine("SKU-1", 2)))
				.build();
			publish(inventory, reserved);
			publish(inventory, reserved); // a redelivery changes nothing, so counts
											// nothing
			publish(inventory, rejected(toReject, StockRejectionCode.INSUFFICIENT_STOCK,
					"insufficient stock for SKU SKU-1: requested 2, available 0 (short by 2)"));
			publish(inventory, rejected(unknown, StockRejectionCode.UNKNOWN_SKU, "unknown SKU: SKU-1"));
			this.mvc.perform(post("/api/orders/{id}/cancel", toCancel)).andExpect(status().isAccepted());
			publish(inventory,
					StockReleased.newBuilder()
						.setEventId(UUID.randomUUID())
						.setOrderId(toCancel)
						.setOccurredAt(Instant.now())
						.setLines(List.of())
						.build());
		}
		awaitStatus(toConfirm, "CONFIRMED");
		awaitStatus(toReject, "REJECTED");
		awaitStatus(unknown, "REJECTED");
		awaitStatus(toCancel, "CANCELLED");

		assertThat(count("orderflow.orders.placed")).isEqualTo(placed + 4);
		assertThat(count("orderflow.orders.confirmed")).isEqualTo(confirmed + 1);
		assertThat(count(Search.in(this.meters).name("orderflow.orders.rejected").tag("reason", "insufficient_stock")))
			.isEqualTo(shortOfStock + 1);
		assertThat(count(Search.in(this.meters).name("orderflow.orders.rejected").tag("reason", "unknown_sku")))
			.isEqualTo(unknownSku + 1);
		assertThat(count("orderflow.orders.cancelled")).isEqualTo(cancelled + 1);
		assertThat(sagas("confirmed")).isEqualTo(confirmedSagas + 1);

		String scrape = this.mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(scrape).contains("orderflow_orders_placed_total", "orderflow_orders_confirmed_total",
				"orderflow_orders_rejected_total{reason=\"insufficient_stock\"", "orderflow_orders_cancelled_total",
				"orderflow_saga_duration_seconds_bucket{outcome=\"confirmed\",le=\"0.1\"}",
				"orderflow_saga_duration_seconds_bucket{outcome=\"confirmed\",le=\"10.0\"}", "orderflow_outbox_backlog",
				"orderflow_outbox_oldest_age_seconds", "orderflow_dead_letters_total{topic=\"inventory\"}",
				"http_server_requests_seconds_count", "kafka_consumer_fetch_manager_records_lag_max",
				"kafka_producer_record_send_total", "jvm_memory_used_bytes");
	}

	private double count(String name) {
		return count(Search.in(this.meters).name(name));
	}

	private static double count(Search search) {
		return search.counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	private long sagas(String outcome) {
		return this.meters.get("orderflow.saga.duration").tag("outcome", outcome).timer().count();
	}

	private String placeOrder() throws Exception {
		String body = this.mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content("""
				{"customerId":"c-1","customerEmail":"ada@example.com","lines":[{"sku":"SKU-1","quantity":2}]}"""))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.orderId");
	}

	private void awaitStatus(String orderId, String expected) {
		await().atMost(TIMEOUT)
			.untilAsserted(() -> this.mvc.perform(get("/api/orders/{id}", orderId))
				.andExpect(jsonPath("$.status").value(expected)));
	}

	private static StockRejected rejected(String orderId, StockRejectionCode code, String reason) {
		return StockRejected.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(orderId)
			.setOccurredAt(Instant.now())
			.setCode(code)
			.setReason(reason)
			.setSku("SKU-1")
			.setShortfall(null)
			.build();
	}

	private KafkaProducer<String, Object> inventoryProducer() {
		Map<String, Object> serde = Map.of("schema.registry.url", OrderServiceIntegrationTest.REGISTRY,
				"value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");
		KafkaAvroSerializer serializer = new KafkaAvroSerializer();
		serializer.configure(serde, false);
		return new KafkaProducer<>(Map.of("bootstrap.servers", this.broker.getBrokersAsString()),
				new StringSerializer(), serializer);
	}

	private static void publish(KafkaProducer<String, Object> producer, SpecificRecord event) throws Exception {
		String orderId = (String) event.get(event.getSchema().getField("orderId").pos());
		producer.send(new ProducerRecord<>("inventory", orderId, event)).get();
	}

}
