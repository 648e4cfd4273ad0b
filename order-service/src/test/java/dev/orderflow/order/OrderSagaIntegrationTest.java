package dev.orderflow.order;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import com.jayway.jsonpath.JsonPath;
import dev.orderflow.eventing.outbox.OutboxRelay;
import dev.orderflow.events.OrderCancelled;
import dev.orderflow.events.OrderConfirmed;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.OrderRejected;
import dev.orderflow.events.StockRejected;
import dev.orderflow.events.StockRejectionCode;
import dev.orderflow.events.StockReleased;
import dev.orderflow.events.StockReserved;
import dev.orderflow.schemaregistry.serde.KafkaAvroDeserializer;
import dev.orderflow.schemaregistry.serde.KafkaAvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The order's part of the saga, wired end to end: HTTP in, Avro events out through the
 * outbox, inventory's answers in through the listener, on an embedded KRaft broker.
 */
@OrderServiceIntegrationTest
class OrderSagaIntegrationTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	MockMvc mvc;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	OutboxRelay relay;

	@Autowired
	OrderService orders;

	private KafkaConsumer<String, Object> ordersTopic;

	private KafkaProducer<String, Object> inventoryTopic;

	private final List<ConsumerRecord<String, Object>> published = new ArrayList<>();

	@BeforeEach
	void connect() {
		Map<String, Object> serde = Map.of("schema.registry.url", OrderServiceIntegrationTest.REGISTRY,
				"specific.avro.reader", true, "value.subject.name.strategy",
				"io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");
		Map<String, Object> consumer = new HashMap<>(serde);
		consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString());
		this.ordersTopic = new KafkaConsumer<>(consumer, new StringDeserializer(), deserializer(serde));
		List<TopicPartition> partitions = this.ordersTopic.partitionsFor("orders")
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		this.ordersTopic.assign(partitions);
		this.ordersTopic.seekToBeginning(partitions);
		Map<String, Object> producer = new HashMap<>(serde);
		producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString());
		this.inventoryTopic = new KafkaProducer<>(producer, new StringSerializer(), serializer(serde));
	}

	@AfterEach
	void disconnect() {
		this.ordersTopic.close();
		this.inventoryTopic.close();
	}

	@Test
	void placedOrderIsAnnouncedAndConfirmedWhenStockIsReserved() throws Exception {
		String orderId = placeOrder();

		OrderPlaced placed = awaitEvent(orderId, OrderPlaced.class);
		assertThat(placed.getCustomerEmail()).isEqualTo("ada@example.com");
		assertThat(placed.getLines()).extracting("sku", "quantity").containsExactly(tuple("SKU-1", 2));

		publish(stockReserved(orderId));

		awaitStatus(orderId, "CONFIRMED");
		OrderConfirmed confirmed = awaitEvent(orderId, OrderConfirmed.class);
		assertThat(confirmed.getLines()).hasSize(1);
	}

	@Test
	void orderWhoseEventCanNeverBePublishedIsRejectedWithAReasonAndBlocksNoOne() throws Exception {
		// 12,000 lines of long SKUs: an OrderPlaced above the producer's 1 MiB
		// max.request.size
		List<OrderLine> lines = IntStream.range(0, 12_000)
			.mapToObj((n) -> new OrderLine("SKU-" + "x".repeat(85) + String.format("%06d", n), 1))
			.toList();
		String tooLarge = this.orders.place("c-large", "large@example.com", lines).id().toString();
		String next = placeOrder();

		awaitEvent(next, OrderPlaced.class);
		awaitStatus(tooLarge, "REJECTED");
		this.mvc.perform(get("/api/orders/{id}", tooLarge))
			.andExpect(jsonPath("$.reason").value(
					org.hamcrest.Matchers.startsWith("not processed: the order could not be passed on to inventory")))
			.andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.containsString("max.request.size")));
		assertThat(allEventsOf(tooLarge)).isEmpty();
	}

	@Test
	void orderWhoseEventBreaksARuleOfItsContractIsRejectedNamingTheRuleAndBlocksNoOne() throws Exception {
		// past the HTTP validation (as a bug or another caller could be): the contract
		// still holds
		String broken = this.orders.place("c-contract", "not-an-address", List.of(new OrderLine("SKU-1", 1)))
			.id()
			.toString();
		String next = placeOrder();

		awaitEvent(next, OrderPlaced.class);
		awaitStatus(broken, "REJECTED");
		this.mvc.perform(get("/api/orders/{id}", broken))
			.andExpect(jsonPath("$.reason").value(
					org.hamcrest.Matchers.startsWith("not processed: the order could not be passed on to inventory")))
			.andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers
				.containsString("Rule 'customerEmailIsAnAddress' (WRITE CONDITION on field customerEmail)")))
			.andExpect(jsonPath("$.reason")
				.value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("not-an-address"))));
		assertThat(allEventsOf(broken)).isEmpty();
	}

	@Test
	void orderIsRejectedWithInventorysReason() throws Exception {
		String orderId = placeOrder();

		publish(insufficientStock(orderId));

		awaitStatus(orderId, "REJECTED");
		this.mvc.perform(get("/api/orders/{id}", orderId))
			.andExpect(jsonPath("$.reason").value("insufficient stock for SKU-1: short by 2"));
		assertThat(awaitEvent(orderId, OrderRejected.class).getReason())
			.isEqualTo("insufficient stock for SKU-1: short by 2");
	}

	@Test
	void confirmedOrderIsCancelledOnceInventoryReleasedItsStock() throws Exception {
		String orderId = placeOrder();
		publish(stockReserved(orderId));
		awaitStatus(orderId, "CONFIRMED");

		cancel(orderId).andExpect(status().isAccepted());
		cancel(orderId).andExpect(status().isAccepted());
		assertThat(awaitEvent(orderId, OrderCancelled.class).getPreviousStatus()).isEqualTo("CONFIRMED");
		publish(StockReleased.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(orderId)
			.setOccurredAt(Instant.now())
			.setLines(List.of(new dev.orderflow.events.OrderLine("SKU-1", 2)))
			.build());

		awaitStatus(orderId, "CANCELLED");
		cancel(orderId).andExpect(status().isConflict());
		assertThat(allEventsOf(orderId)).filteredOn(OrderCancelled.class::isInstance).hasSize(1);
	}

	@Test
	void reservationThatArrivesAfterACancelNeverConfirmsTheOrder() throws Exception {
		String orderId = placeOrder();
		cancel(orderId).andExpect(status().isAccepted());
		assertThat(awaitEvent(orderId, OrderCancelled.class).getPreviousStatus()).isEqualTo("PENDING");

		// inventory reserved before it saw the cancel; its release follows on the same
		// partition
		publish(stockReserved(orderId));
		publish(stockReleased(orderId, List.of(new dev.orderflow.events.OrderLine("SKU-1", 2))));

		awaitStatus(orderId, "CANCELLED");
		assertThat(allEventsOf(orderId)).filteredOn(OrderConfirmed.class::isInstance).isEmpty();
		this.mvc.perform(get("/api/orders/{id}", orderId)).andExpect(jsonPath("$.reason").doesNotExist());
	}

	@Test
	void rejectionThatArrivesAfterACancelNeverRejectsTheOrder() throws Exception {
		String orderId = placeOrder();
		cancel(orderId).andExpect(status().isAccepted());
		awaitEvent(orderId, OrderCancelled.class);

		publish(insufficientStock(orderId));
		// a rejected order held nothing, so inventory releases no lines
		publish(stockReleased(orderId, List.of()));

		awaitStatus(orderId, "CANCELLED");
		assertThat(allEventsOf(orderId))
			.filteredOn((event) -> event instanceof OrderRejected || event instanceof OrderConfirmed)
			.isEmpty();
	}

	@Test
	void redeliveredReservationConfirmsTheOrderOnce() throws Exception {
		String orderId = placeOrder();
		StockReserved reserved = stockReserved(orderId);

		publish(reserved);
		publish(reserved);
		awaitStatus(orderId, "CONFIRMED");
		// A later event on the same partition: once it has taken effect, the redelivery
		// has too.
		cancel(orderId).andExpect(status().isAccepted());
		publish(StockReleased.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(orderId)
			.setOccurredAt(Instant.now())
			.setLines(List.of())
			.build());
		awaitStatus(orderId, "CANCELLED");

		assertThat(allEventsOf(orderId)).filteredOn(OrderConfirmed.class::isInstance).hasSize(1);
	}

	@Test
	void answersForUnknownOrdersAreIgnored() throws Exception {
		publish(stockReserved(UUID.randomUUID().toString()));
		// a malformed order id never reaches the topic: StockReserved's contract refuses
		// it at the producer
		assertThatThrownBy(() -> publish(stockReserved("not-an-order-id"))).hasMessageContaining("orderIdIsAUuid");
		String orderId = placeOrder();

		publish(stockReserved(orderId));

		awaitStatus(orderId, "CONFIRMED");
	}

	@Test
	void retryWithTheSameIdempotencyKeyGetsTheSameOrder() throws Exception {
		String key = UUID.randomUUID().toString();
		String first = orderId(this.mvc.perform(placing(key, "SKU-1")).andExpect(status().isAccepted()).andReturn());

		String again = orderId(this.mvc.perform(placing(key, "SKU-1")).andExpect(status().isOk()).andReturn());
		this.mvc.perform(placing(key, "SKU-2")).andExpect(status().isUnprocessableContent());

		assertThat(again).isEqualTo(first);
		assertThat(allEventsOf(first)).filteredOn(OrderPlaced.class::isInstance).hasSize(1);
	}

	@Test
	void listsTheNewestOrdersOfAStatusFirst() throws Exception {
		String older = placeOrder();
		String newer = placeOrder();

		MvcResult result = this.mvc.perform(get("/api/orders").param("status", "PENDING").param("limit", "500"))
			.andExpect(status().isOk())
			.andReturn();

		List<String> ids = JsonPath.read(result.getResponse().getContentAsString(), "$[*].orderId");
		assertThat(ids).containsSubsequence(newer, older);
	}

	private String placeOrder() throws Exception {
		return orderId(this.mvc.perform(placing(null, "SKU-1")).andExpect(status().isAccepted()).andReturn());
	}

	private static RequestBuilder placing(String idempotencyKey, String sku) {
		var request = post("/api/orders").contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"customerId":"c-1","customerEmail":"ada@example.com","lines":[{"sku":"%s","quantity":2}]}"""
				.formatted(sku));
		return (idempotencyKey != null) ? request.header("Idempotency-Key", idempotencyKey) : request;
	}

	private ResultActions cancel(String orderId) throws Exception {
		return this.mvc.perform(post("/api/orders/{id}/cancel", orderId));
	}

	private static String orderId(MvcResult result) throws Exception {
		return JsonPath.read(result.getResponse().getContentAsString(), "$.orderId");
	}

	private void awaitStatus(String orderId, String expected) {
		await().atMost(TIMEOUT)
			.untilAsserted(() -> this.mvc.perform(get("/api/orders/{id}", orderId))
				.andExpect(jsonPath("$.status").value(expected)));
	}

	private <T> T awaitEvent(String orderId, Class<T> type) {
		return type.cast(await().atMost(TIMEOUT)
			.until(() -> pollEventsOf(orderId).stream().filter(type::isInstance).findFirst(), Optional::isPresent)
			.get());
	}

	/**
	 * Everything published for the order, once the outbox is empty and the topic read to
	 * its end.
	 */
	private List<Object> allEventsOf(String orderId) {
		await().atMost(TIMEOUT).until(() -> this.relay.backlog() == 0);
		Map<TopicPartition, Long> ends = this.ordersTopic.endOffsets(this.ordersTopic.assignment());
		await().atMost(TIMEOUT).until(() -> {
			pollEventsOf(orderId);
			return ends.entrySet()
				.stream()
				.allMatch((end) -> this.ordersTopic.position(end.getKey()) >= end.getValue());
		});
		return pollEventsOf(orderId);
	}

	private List<Object> pollEventsOf(String orderId) {
		this.ordersTopic.poll(Duration.ofMillis(100)).forEach(this.published::add);
		return this.published.stream()
			.filter((record) -> orderId.equals(record.key()))
			.map(ConsumerRecord::value)
			.toList();
	}

	private void publish(SpecificRecord event) throws Exception {
		String orderId = (String) event.get(event.getSchema().getField("orderId").pos());
		this.inventoryTopic.send(new ProducerRecord<>("inventory", orderId, event)).get();
	}

	private static StockReleased stockReleased(String orderId, List<dev.orderflow.events.OrderLine> lines) {
		return StockReleased.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(orderId)
			.setOccurredAt(Instant.now())
			.setLines(lines)
			.build();
	}

	private static StockReserved stockReserved(String orderId) {
		return StockReserved.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(orderId)
			.setOccurredAt(Instant.now())
			.setLines(List.of(new dev.orderflow.events.OrderLine("SKU-1", 2)))
			.build();
	}

	private static KafkaAvroDeserializer deserializer(Map<String, Object> config) {
		KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
		deserializer.configure(config, false);
		return deserializer;
	}

	private static KafkaAvroSerializer serializer(Map<String, Object> config) {
		KafkaAvroSerializer serializer = new KafkaAvroSerializer();
		serializer.configure(config, false);
		return serializer;
	}

	/** inventory's answer when SKU-1 is 2 units short. */
	private static StockRejected insufficientStock(String orderId) {
		return StockRejected.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(orderId)
			.setOccurredAt(Instant.now())
			.setCode(StockRejectionCode.INSUFFICIENT_STOCK)
			.setReason("insufficient stock for SKU-1: short by 2")
			.setSku("SKU-1")
			.setShortfall(2)
			.build();
	}

}
