package dev.orderflow.inventory.reservation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.orderflow.events.OrderCancelled;
import dev.orderflow.events.OrderConfirmed;
import dev.orderflow.events.OrderLine;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.StockRejected;
import dev.orderflow.events.StockRejectionCode;
import dev.orderflow.events.StockReleased;
import dev.orderflow.events.StockReserved;
import dev.orderflow.inventory.AbstractIntegrationTest;
import dev.orderflow.inventory.stock.Stock;
import dev.orderflow.schemaregistry.serde.KafkaAvroDeserializer;
import dev.orderflow.schemaregistry.serde.KafkaAvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The saga as inventory sees it, over a real (embedded) broker and Avro on the wire:
 * order events in on {@code orders}, answers out on {@code inventory} through the outbox.
 */
class OrderEventsIntegrationTest extends AbstractIntegrationTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(45);

	@Autowired
	EmbeddedKafkaBroker broker;

	KafkaProducer<String, Object> producer;

	KafkaConsumer<String, Object> consumer;

	final List<ConsumerRecord<String, Object>> answers = new ArrayList<>();

	@BeforeEach
	void connect() {
		producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class, "schema.registry.url",
				SCHEMA_REGISTRY_URL, "value.subject.name.strategy",
				"io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"));
		consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class, "schema.registry.url",
				SCHEMA_REGISTRY_URL, "specific.avro.reader", "true"));
		consumer.subscribe(List.of(InventoryEvents.TOPIC));
	}

	@AfterEach
	void disconnect() {
		producer.close(Duration.ofSeconds(5));
		consumer.close(Duration.ofSeconds(5));
	}

	@Test
	void reservesStockForAPlacedOrderAndReleasesItOnCancel() {
		String sku = newSku("FLOW", 10);
		String orderId = newOrderId();

		send(orderPlaced(orderId, line(sku, 3)));

		StockReserved reserved = awaitAnswer(orderId, StockReserved.class);
		assertThat(reserved.getLines()).containsExactly(line(sku, 3));
		assertStock(sku, 7, 3);

		send(OrderCancelled.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(orderId)
			.setOccurredAt(Instant.now())
			.setCustomerEmail("ada@example.com")
			.setPreviousStatus("CONFIRMED")
			.build());

		StockReleased released = awaitAnswer(orderId, StockReleased.class);
		assertThat(released.getLines()).containsExactly(line(sku, 3));
		assertStock(sku, 10, 0);
	}

	@Test
	void rejectsAnOrderForAnUnknownSku() {
		String known = newSku("KNOWN", 10);
		String orderId = newOrderId();

		send(orderPlaced(orderId, line(known, 1), line("NO-SUCH-SKU", 1)));

		StockRejected rejected = awaitAnswer(orderId, StockRejected.class);
		assertThat(rejected.getCode()).isEqualTo(StockRejectionCode.UNKNOWN_SKU);
		assertThat(rejected.getReason()).isEqualTo("unknown SKU: NO-SUCH-SKU");
		assertThat(rejected.getSku()).isEqualTo("NO-SUCH-SKU");
		assertStock(known, 10, 0);
	}

	@Test
	void rejectsAnOrderThatWantsMoreThanIsAvailable() {
		String sku = newSku("SHORT", 2);
		String orderId = newOrderId();

		send(orderPlaced(orderId, line(sku, 5)));

		StockRejected rejected = awaitAnswer(orderId, StockRejected.class);
		assertThat(rejected.getCode()).isEqualTo(StockRejectionCode.INSUFFICIENT_STOCK);
		assertThat(rejected.getShortfall()).isEqualTo(3);
		assertStock(sku, 2, 0);
	}

	@Test
	void reservesOnceWhenTheSameOrderArrivesAgain() {
		String sku = newSku("DUP", 10);
		String orderId = newOrderId();
		OrderPlaced placed = orderPlaced(orderId, line(sku, 3));
		OrderPlaced replayedWithNewEventId = OrderPlaced.newBuilder(placed).setEventId(UUID.randomUUID()).build();
		String markerOrderId = orderIdOnThePartitionOf(orderId);

		send(placed);
		send(placed);
		send(replayedWithNewEventId);
		// ignored by inventory, but it must not disturb the partition either
		send(OrderConfirmed.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(orderId)
			.setOccurredAt(Instant.now())
			.setCustomerEmail("ada@example.com")
			.setLines(List.of(line(sku, 3)))
			.build());
		// same partitions as the order, sent last: once it is answered, all of the above
		// were handled
		send(orderPlaced(markerOrderId, line(sku, 1)));

		awaitAnswer(orderId, StockReserved.class);
		awaitAnswer(markerOrderId, StockReserved.class);
		assertThat(answersFor(orderId)).hasSize(1).first().isInstanceOf(StockReserved.class);
		assertStock(sku, 6, 4);
	}

	@Test
	void aCancelBeforeTheOrderKeepsTheLateOrderFromReserving() {
		String sku = newSku("LATE", 10);
		String orderId = newOrderId();

		send(OrderCancelled.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(orderId)
			.setOccurredAt(Instant.now())
			.setCustomerEmail("ada@example.com")
			.setPreviousStatus("PENDING")
			.build());
		assertThat(awaitAnswer(orderId, StockReleased.class).getLines()).isEmpty();

		String markerOrderId = orderIdOnThePartitionOf(orderId);
		send(orderPlaced(orderId, line(sku, 3)));
		send(orderPlaced(markerOrderId, line(sku, 1)));

		awaitAnswer(markerOrderId, StockReserved.class);
		assertThat(answersFor(orderId)).hasSize(1);
		assertStock(sku, 9, 1);
	}

	private <T extends SpecificRecord> T awaitAnswer(String orderId, Class<T> type) {
		return await().atMost(TIMEOUT).until(() -> {
			consumer.poll(Duration.ofMillis(200)).forEach(answers::add);
			return answersFor(orderId).stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
		}, (answer) -> answer != null);
	}

	private List<Object> answersFor(String orderId) {
		return answers.stream().filter((record) -> orderId.equals(record.key())).map(ConsumerRecord::value).toList();
	}

	private void send(SpecificRecord event) {
		String key = event.get(event.getSchema().getField("orderId").pos()).toString();
		producer.send(new ProducerRecord<>("orders", key, event));
		producer.flush();
	}

	/**
	 * Another order id whose events and answers share the partitions of {@code orderId}'s
	 * (both topics have the same partition count), so it can serve as an "all handled"
	 * marker.
	 */
	private String orderIdOnThePartitionOf(String orderId) {
		int partitions = producer.partitionsFor("orders").size();
		for (int attempt = 0; attempt < 10_000; attempt++) {
			String candidate = newOrderId();
			if (partition(candidate, partitions) == partition(orderId, partitions)) {
				return candidate;
			}
		}
		throw new IllegalStateException("no order id found on the partition of " + orderId);
	}

	private static int partition(String key, int partitions) {
		// what Kafka's default partitioner does with a non-null key
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
	}

	private void assertStock(String sku, int available, int reserved) {
		Stock stock = inventory.find(sku).orElseThrow();
		assertThat(stock.available()).isEqualTo(available);
		assertThat(stock.reserved()).isEqualTo(reserved);
	}

	private static OrderPlaced orderPlaced(String orderId, OrderLine... lines) {
		return OrderPlaced.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(orderId)
			.setOccurredAt(Instant.now())
			.setCustomerId("customer-1")
			.setCustomerEmail("ada@example.com")
			.setLines(Arrays.asList(lines))
			.build();
	}

	private static OrderLine line(String sku, int quantity) {
		return new OrderLine(sku, quantity);
	}

	private static String newOrderId() {
		return UUID.randomUUID().toString();
	}

}
