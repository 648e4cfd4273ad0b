package dev.orderflow.inventory.reservation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.orderflow.events.OrderCancelled;
import dev.orderflow.events.OrderLine;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.inventory.AbstractIntegrationTest;
import dev.orderflow.inventory.stock.Stock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cancel race at inventory's listener: cancels arrive before, during and after their
 * order's reservation, from several threads at once, and no cancelled order may keep
 * stock.
 * <p>
 * In production Kafka delivers the events of one order in order (one partition per
 * order), so a cancel can only come before or after the reservation it races. This test
 * is harsher: the place and the cancel of one order may run at the same time on two
 * threads. The primary key of {@code reservation} then lets only one of them commit and
 * the other fails and is delivered again, as the container's error handler would do.
 */
class CancelRaceTest extends AbstractIntegrationTest {

	private static final int ORDERS = 100;

	private static final int CANCELLED = 50;

	private static final int THREADS = 4;

	private static final int MAX_DELIVERIES = 20;

	@Autowired
	OrderEventsListener listener;

	@Autowired
	JdbcClient jdbc;

	@Test
	void noCancelledOrderKeepsStockAndStockIsConserved() throws Exception {
		Map<String, Integer> initial = Map.of(newSku("RACE-SCARCE", 60), 60, newSku("RACE-A", 500), 500,
				newSku("RACE-B", 500), 500);
		List<String> skus = new ArrayList<>(initial.keySet());
		Collections.sort(skus);
		Random random = new Random(20261126);
		Map<String, OrderPlaced> orders = new HashMap<>();
		List<Callable<Void>> deliveries = new ArrayList<>();
		for (int i = 0; i < ORDERS; i++) {
			OrderPlaced placed = orderPlaced(randomLines(random, skus));
			orders.put(placed.getOrderId(), placed);
			deliveries.add(delivery(() -> this.listener.onPoll(poll(placed.getOrderId(), placed))));
		}
		List<String> orderIds = new ArrayList<>(orders.keySet());
		Collections.sort(orderIds);
		Collections.shuffle(orderIds, random);
		Set<String> cancelled = Set.copyOf(orderIds.subList(0, CANCELLED));
		List<OrderCancelled> cancels = cancelled.stream().map(CancelRaceTest::orderCancelled).toList();
		cancels.forEach(
				(cancel) -> deliveries.add(delivery(() -> this.listener.onPoll(poll(cancel.getOrderId(), cancel)))));
		// a cancel lands anywhere relative to its order: before, next to (same moment) or
		// after it
		Collections.shuffle(deliveries, random);

		runConcurrently(deliveries);
		Map<String, ReservationStatus> statuses = statuses(orders.keySet());

		assertThat(cancelled).allSatisfy((orderId) -> assertThat(statuses.get(orderId)).isIn(ReservationStatus.RELEASED,
				ReservationStatus.CANCELLED_BEFORE_RESERVATION, ReservationStatus.REJECTED));
		assertThat(orders.keySet()).filteredOn((orderId) -> !cancelled.contains(orderId))
			.allSatisfy((orderId) -> assertThat(statuses.get(orderId)).isIn(ReservationStatus.RESERVED,
					ReservationStatus.REJECTED));
		assertStockConserved(initial, orders, statuses);
		System.out.printf("cancel race: %d orders, %d cancelled -> %s%n", ORDERS, CANCELLED, countByStatus(statuses));

		// every event delivered once more (Kafka is at-least-once): nothing may change
		Map<String, Integer> reservedBefore = reservedPerSku(skus);
		List<Callable<Void>> redeliveries = new ArrayList<>();
		orders.values()
			.forEach((placed) -> redeliveries
				.add(delivery(() -> this.listener.onPoll(poll(placed.getOrderId(), placed)))));
		cancels.forEach(
				(cancel) -> redeliveries.add(delivery(() -> this.listener.onPoll(poll(cancel.getOrderId(), cancel)))));
		runConcurrently(redeliveries);
		assertThat(statuses(orders.keySet())).isEqualTo(statuses);
		assertThat(reservedPerSku(skus)).isEqualTo(reservedBefore);
		assertStockConserved(initial, orders, statuses);
	}

	/**
	 * Stock on hand equals the initial stock, and what is reserved is held by reserved
	 * orders only.
	 */
	private void assertStockConserved(Map<String, Integer> initial, Map<String, OrderPlaced> orders,
			Map<String, ReservationStatus> statuses) {
		Map<String, Integer> held = new HashMap<>();
		initial.keySet().forEach((sku) -> held.put(sku, 0));
		orders.forEach((orderId, placed) -> {
			if (statuses.get(orderId) == ReservationStatus.RESERVED) {
				placed.getLines().forEach((line) -> held.merge(line.getSku(), line.getQuantity(), Integer::sum));
			}
		});
		initial.forEach((sku, units) -> {
			Stock stock = this.inventory.find(sku).orElseThrow();
			assertThat(stock.available() + stock.reserved()).as("units of %s", sku).isEqualTo(units);
			assertThat(stock.reserved()).as("reserved units of %s", sku).isEqualTo(held.get(sku));
		});
	}

	/** A poll of one record, as the listener container hands it to the batch listener. */
	private static List<ConsumerRecord<String, Object>> poll(String orderId, Object event) {
		return List.of(new ConsumerRecord<>("orders", 0, 0L, orderId, event));
	}

	/**
	 * One delivery of an event, delivered again after a failure as the container's error
	 * handler would.
	 */
	private static Callable<Void> delivery(Runnable handler) {
		return () -> {
			for (int attempt = 1;; attempt++) {
				try {
					handler.run();
					return null;
				}
				catch (BatchListenerFailedException ex) {
					// the other event of the same order committed the reservation row
					// first
					assertThat(ex.getCause()).isInstanceOf(DataAccessException.class);
					if (attempt == MAX_DELIVERIES) {
						throw ex;
					}
				}
			}
		};
	}

	private static void runConcurrently(List<Callable<Void>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<Void>> futures = new ArrayList<>();
			tasks.forEach((task) -> futures.add(pool.submit(task)));
			for (Future<Void> future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
			assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}
	}

	private Map<String, ReservationStatus> statuses(Set<String> orderIds) {
		Map<String, ReservationStatus> statuses = new HashMap<>();
		for (String orderId : orderIds) {
			statuses.put(orderId,
					this.jdbc.sql("SELECT status FROM reservation WHERE order_id = ?")
						.param(orderId)
						.query((rs, row) -> ReservationStatus.valueOf(rs.getString("status")))
						.single());
		}
		return statuses;
	}

	private Map<String, Integer> reservedPerSku(List<String> skus) {
		Map<String, Integer> reserved = new HashMap<>();
		skus.forEach((sku) -> reserved.put(sku, this.inventory.find(sku).orElseThrow().reserved()));
		return reserved;
	}

	private static Map<ReservationStatus, Long> countByStatus(Map<String, ReservationStatus> statuses) {
		Map<ReservationStatus, Long> counts = new EnumMap<>(ReservationStatus.class);
		statuses.values().forEach((status) -> counts.merge(status, 1L, Long::sum));
		return counts;
	}

	private static List<OrderLine> randomLines(Random random, List<String> skus) {
		List<String> shuffled = new ArrayList<>(skus);
		Collections.shuffle(shuffled, random);
		List<OrderLine> lines = new ArrayList<>();
		for (String sku : shuffled.subList(0, 1 + random.nextInt(2))) {
			lines.add(new OrderLine(sku, 1 + random.nextInt(3)));
		}
		return lines;
	}

	private static OrderPlaced orderPlaced(List<OrderLine> lines) {
		return OrderEventFixtures.orderPlaced("racer", lines);
	}

	private static OrderCancelled orderCancelled(String orderId) {
		return OrderEventFixtures.orderCancelled("racer", orderId, "PENDING");
	}

}
