package dev.orderflow.inventory.reservation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.orderflow.events.OrderCancelled;
import dev.orderflow.events.OrderLine;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.StockRejected;
import dev.orderflow.events.StockReleased;
import dev.orderflow.events.StockReserved;
import dev.orderflow.inventory.AbstractIntegrationTest;
import dev.orderflow.inventory.stock.Stock;
import dev.orderflow.schemaregistry.serde.KafkaAvroDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Two consumers of {@code orders} (two instances of the service, each owning some
 * partitions) apply their polls at the same time through the listener's real path, each
 * poll in its own transaction. Their polls hold orders over the same SKUs in opposite
 * orders: were the stock rows locked record by record, each poll would hold some rows
 * while waiting for the other's.
 */
class ConcurrentPollsTest extends AbstractIntegrationTest {

	private static final int ROUNDS = 40;

	/**
	 * Units per SKU: fewer than the rounds ask for, so orders are rejected as well as
	 * reserved.
	 */
	private static final int UNITS = 60;

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Autowired
	OrderEventsListener listener;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmbeddedKafkaBroker broker;

	KafkaConsumer<String, Object> answers;

	@BeforeEach
	void subscribeToAnswers() {
		answers = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class, "schema.registry.url",
				SCHEMA_REGISTRY_URL, "specific.avro.reader", "true"));
		answers.subscribe(List.of(InventoryEvents.TOPIC));
	}

	@AfterEach
	void closeAnswers() {
		answers.close(Duration.ofSeconds(5));
	}

	@Test
	void twoConsumersApplyingPollsOverTheSameSkusInOppositeOrdersNeverDeadlockNorLoseStock() throws Exception {
		// sorted: sku1 < sku2 < sku3, the order in which one order's rows are locked
		String sku1 = newSku("POLL-1", UNITS);
		String sku2 = newSku("POLL-2", UNITS);
		String sku3 = newSku("POLL-3", UNITS);
		Map<String, OrderPlaced> placed = new LinkedHashMap<>();
		List<String> cancelled = new ArrayList<>();
		List<List<ConsumerRecord<String, Object>>> pollsOfA = new ArrayList<>();
		List<List<ConsumerRecord<String, Object>>> pollsOfB = new ArrayList<>();
		String previousB2 = null;
		for (int round = 0; round < ROUNDS; round++) {
			// A: sku1 and sku2, then sku3
			pollsOfA.add(poll(place(placed, line(sku1, 1), line(sku2, 1)), place(placed, line(sku3, 1))));
			// B: sku3, then sku2 and sku1 (an order, or every other round the cancel of
			// the last one)
			OrderPlaced b1 = place(placed, line(sku3, 1));
			if (round % 2 == 0) {
				OrderPlaced b2 = place(placed, line(sku2, 1), line(sku1, 1));
				previousB2 = b2.getOrderId();
				pollsOfB.add(poll(b1, b2));
			}
			else {
				cancelled.add(previousB2);
				pollsOfB.add(poll(b1, orderCancelled(previousB2)));
			}
		}

		List<String> failures = applyConcurrently(pollsOfA, pollsOfB);

		assertThat(failures).as("polls that failed (deadlock or lock timeout)").isEmpty();
		Map<String, List<Object>> answered = awaitAllAnswers(placed.keySet(), placed.size() + cancelled.size());
		placed.keySet().forEach((orderId) -> {
			List<Object> answersOfOrder = answered.getOrDefault(orderId, List.of());
			assertThat(answersOfOrder).as("answers to order %s", orderId)
				.filteredOn((answer) -> answer instanceof StockReserved || answer instanceof StockRejected)
				.hasSize(1);
			assertThat(answersOfOrder).as("answers to order %s", orderId).hasSize(cancelled.contains(orderId) ? 2 : 1);
		});
		cancelled.forEach(
				(orderId) -> assertThat(answered.get(orderId)).filteredOn(StockReleased.class::isInstance).hasSize(1));
		Map<String, ReservationStatus> statuses = statuses(placed.keySet());
		assertThat(statuses.values()).as("some orders got stock").contains(ReservationStatus.RESERVED);
		assertThat(statuses.values()).as("some orders found none left").contains(ReservationStatus.REJECTED);
		assertStockConserved(List.of(sku1, sku2, sku3), placed, statuses);
	}

	@Test
	void anUnreadableRecordFailsAloneAndTheRecordsBeforeItCommit() {
		String sku = newSku("UNREADABLE", 10);
		OrderPlaced before = orderPlaced(List.of(line(sku, 1)));
		OrderPlaced after = orderPlaced(List.of(line(sku, 1)));
		ConsumerRecord<String, Object> unreadable = unreadable(1, UUID.randomUUID().toString());
		List<ConsumerRecord<String, Object>> poll = List.of(record(0, before), unreadable, record(2, after));

		assertThatExceptionOfType(BatchListenerFailedException.class).isThrownBy(() -> listener.onPoll(poll))
			.satisfies((ex) -> assertThat(ex.getRecord()).isSameAs(unreadable));

		assertThat(statuses(Set.of(before.getOrderId()))).containsValue(ReservationStatus.RESERVED);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM reservation WHERE order_id = ?")
			.param(after.getOrderId())
			.query(Long.class)
			.single()).isZero();
		Stock stock = inventory.find(sku).orElseThrow();
		assertThat(stock.available()).isEqualTo(9);
		assertThat(stock.reserved()).isEqualTo(1);
	}

	/**
	 * Consumer A and consumer B each apply their polls in turn, starting every round
	 * together. A poll that fails is not retried (the container would): the failures are
	 * what this counts.
	 */
	private List<String> applyConcurrently(List<List<ConsumerRecord<String, Object>>> pollsOfA,
			List<List<ConsumerRecord<String, Object>>> pollsOfB) throws Exception {
		CyclicBarrier round = new CyclicBarrier(2);
		ExecutorService consumers = Executors.newFixedThreadPool(2);
		try {
			Future<List<String>> a = consumers.submit(() -> consume(pollsOfA, round));
			Future<List<String>> b = consumers.submit(() -> consume(pollsOfB, round));
			List<String> failures = new ArrayList<>(a.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
			failures.addAll(b.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
			System.out.printf("concurrent polls: %d rounds of 2 polls, %d failed%n", ROUNDS, failures.size());
			return failures;
		}
		finally {
			consumers.shutdownNow();
			assertThat(consumers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}
	}

	private List<String> consume(List<List<ConsumerRecord<String, Object>>> polls, CyclicBarrier round)
			throws Exception {
		List<String> failures = new ArrayList<>();
		for (List<ConsumerRecord<String, Object>> poll : polls) {
			round.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			try {
				listener.onPoll(poll);
			}
			catch (RuntimeException ex) {
				failures.add(ex.getMessage() + ": " + NestedExceptionUtils.getMostSpecificCause(ex));
			}
		}
		return failures;
	}

	/**
	 * Every answer on {@code inventory} to the given orders, once there are
	 * {@code expected} of them and nothing about these orders is left in the outbox to be
	 * published (so a duplicate would be among them).
	 */
	private Map<String, List<Object>> awaitAllAnswers(Set<String> orderIds, int expected) {
		Map<String, List<Object>> answered = new HashMap<>();
		await().atMost(TIMEOUT).until(() -> {
			answers.poll(Duration.ofMillis(200))
				.forEach((answer) -> answered.computeIfAbsent(answer.key(), (key) -> new ArrayList<>())
					.add(answer.value()));
			int received = orderIds.stream()
				.mapToInt((orderId) -> answered.getOrDefault(orderId, List.of()).size())
				.sum();
			return received >= expected && unpublished(orderIds) == 0;
		});
		Map<TopicPartition, Long> end = answers.endOffsets(answers.assignment());
		await().atMost(TIMEOUT).until(() -> {
			answers.poll(Duration.ofMillis(200))
				.forEach((answer) -> answered.computeIfAbsent(answer.key(), (key) -> new ArrayList<>())
					.add(answer.value()));
			return end.entrySet().stream().allMatch((e) -> answers.position(e.getKey()) >= e.getValue());
		});
		return answered;
	}

	private long unpublished(Set<String> orderIds) {
		return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE record_key IN (:keys)")
			.param("keys", orderIds)
			.query(Long.class)
			.single();
	}

	/**
	 * Nothing made or lost: available + reserved is what was stocked, and reserved orders
	 * hold what is reserved.
	 */
	private void assertStockConserved(List<String> skus, Map<String, OrderPlaced> placed,
			Map<String, ReservationStatus> statuses) {
		Map<String, Integer> held = new HashMap<>();
		skus.forEach((sku) -> held.put(sku, 0));
		placed.forEach((orderId, order) -> {
			if (statuses.get(orderId) == ReservationStatus.RESERVED) {
				order.getLines().forEach((line) -> held.merge(line.getSku(), line.getQuantity(), Integer::sum));
			}
		});
		skus.forEach((sku) -> {
			Stock stock = inventory.find(sku).orElseThrow();
			assertThat(stock.available() + stock.reserved()).as("units of %s", sku).isEqualTo(UNITS);
			assertThat(stock.reserved()).as("reserved units of %s", sku).isEqualTo(held.get(sku));
		});
	}

	private Map<String, ReservationStatus> statuses(Set<String> orderIds) {
		Map<String, ReservationStatus> statuses = new HashMap<>();
		jdbc.sql("SELECT order_id, status FROM reservation WHERE order_id IN (:ids)")
			.param("ids", orderIds)
			.query((rs, row) -> Map.entry(rs.getString("order_id"), ReservationStatus.valueOf(rs.getString("status"))))
			.list()
			.forEach((entry) -> statuses.put(entry.getKey(), entry.getValue()));
		return statuses;
	}

	private static OrderPlaced place(Map<String, OrderPlaced> placed, OrderLine... lines) {
		OrderPlaced order = orderPlaced(List.of(lines));
		placed.put(order.getOrderId(), order);
		return order;
	}

	/**
	 * A poll as the listener container hands it over: records of one partition in offset
	 * order.
	 */
	private static List<ConsumerRecord<String, Object>> poll(Object... events) {
		List<ConsumerRecord<String, Object>> records = new ArrayList<>();
		for (Object event : events) {
			records.add(record(records.size(), event));
		}
		return Collections.unmodifiableList(records);
	}

	private static ConsumerRecord<String, Object> record(long offset, Object event) {
		String orderId = (event instanceof OrderPlaced order) ? order.getOrderId()
				: ((OrderCancelled) event).getOrderId();
		return new ConsumerRecord<>("orders", 0, offset, orderId, event);
	}

	/**
	 * What {@code ErrorHandlingDeserializer} hands over for a value it could not read.
	 */
	private static ConsumerRecord<String, Object> unreadable(long offset, String key) {
		byte[] garbage = { 0, 0, 0, 0, 42 };
		RecordHeaders headers = new RecordHeaders();
		SerializationUtils.deserializationException(headers, garbage,
				new DeserializationException("unknown schema id 42", garbage, false, new IllegalStateException()),
				false);
		return new ConsumerRecord<>("orders", 0, offset, Instant.now().toEpochMilli(), TimestampType.CREATE_TIME,
				ConsumerRecord.NULL_SIZE, garbage.length, key, null, headers, Optional.empty());
	}

	private static OrderPlaced orderPlaced(List<OrderLine> lines) {
		return OrderEventFixtures.orderPlaced("poller", lines);
	}

	private static OrderCancelled orderCancelled(String orderId) {
		return OrderEventFixtures.orderCancelled("poller", orderId, "CONFIRMED");
	}

	private static OrderLine line(String sku, int quantity) {
		return new OrderLine(sku, quantity);
	}

}
