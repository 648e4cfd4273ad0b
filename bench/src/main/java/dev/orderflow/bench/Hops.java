package dev.orderflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * Where a saga spends its time, hop by hop, from the timestamps of each order's events on
 * Kafka (the producer's CreateTime, on the same machine's clock as the bench): POST →
 * OrderPlaced on {@code orders}, OrderPlaced → StockReserved/StockRejected on
 * {@code inventory}, that answer → OrderConfirmed/OrderRejected on {@code orders}.
 * Collects the orders POSTed since {@link #begin()}; an order with an event missing is
 * left out.
 */
final class Hops {

	static final String POST_TO_PLACED = "POST → OrderPlaced";

	static final String PLACED_TO_ANSWER = "OrderPlaced → inventory answer";

	static final String ANSWER_TO_FINAL = "answer → final event";

	static final String TOTAL = "POST → final event";

	private static final int POST = 0;

	private static final int PLACED = 1;

	private static final int ANSWER = 2;

	private static final int FINAL = 3;

	/** Epoch milliseconds of the POST and of each event, by order id; 0 = not seen. */
	private final Map<String, long[]> orders = new ConcurrentHashMap<>();

	private final Map<String, Boolean> measured = new ConcurrentHashMap<>();

	/** From now on, POSTs count; what came before is forgotten. */
	void begin() {
		this.orders.clear();
		this.measured.clear();
	}

	void posted(String orderId, long epochMillis) {
		this.measured.put(orderId, Boolean.TRUE);
		set(orderId, POST, epochMillis);
	}

	void placed(String orderId, long timestamp) {
		set(orderId, PLACED, timestamp);
	}

	void answered(String orderId, long timestamp) {
		set(orderId, ANSWER, timestamp);
	}

	void ended(String orderId, long timestamp) {
		set(orderId, FINAL, timestamp);
	}

	private void set(String orderId, int index, long millis) {
		long[] times = this.orders.computeIfAbsent(orderId, (id) -> new long[4]);
		synchronized (times) {
			// a redelivered event keeps the first time
			if (times[index] == 0) {
				times[index] = millis;
			}
		}
	}

	/** p50 and p99 of each hop over the orders POSTed since {@link #begin()}. */
	List<HopReport> report() {
		List<long[]> complete = new ArrayList<>();
		this.measured.keySet().forEach((orderId) -> {
			long[] times = this.orders.get(orderId);
			if (times != null) {
				synchronized (times) {
					complete.add(times.clone());
				}
			}
		});
		return report(complete);
	}

	/**
	 * The hops of orders given as their four times (POST, OrderPlaced, answer, final; 0 =
	 * not seen): those with a time missing are left out.
	 */
	static List<HopReport> report(List<long[]> orders) {
		Map<String, Histogram> hops = new LinkedHashMap<>();
		for (String hop : List.of(POST_TO_PLACED, PLACED_TO_ANSWER, ANSWER_TO_FINAL, TOTAL)) {
			hops.put(hop, new Histogram(TimeUnit.MINUTES.toMillis(10), 3));
		}
		for (long[] t : orders) {
			if (t[POST] == 0 || t[PLACED] == 0 || t[ANSWER] == 0 || t[FINAL] == 0) {
				continue;
			}
			record(hops.get(POST_TO_PLACED), t[PLACED] - t[POST]);
			record(hops.get(PLACED_TO_ANSWER), t[ANSWER] - t[PLACED]);
			record(hops.get(ANSWER_TO_FINAL), t[FINAL] - t[ANSWER]);
			record(hops.get(TOTAL), t[FINAL] - t[POST]);
		}
		List<HopReport> report = new ArrayList<>();
		hops.forEach((hop, histogram) -> report.add(new HopReport(hop, histogram.getTotalCount(),
				histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(99), histogram.getMaxValue())));
		return report;
	}

	private static void record(Histogram histogram, long millis) {
		// clocks of one machine, but a record's CreateTime is taken by its producer
		// thread:
		// a hop can come out a millisecond negative
		histogram.recordValue(Math.min(histogram.getHighestTrackableValue(), Math.max(0, millis)));
	}

	/**
	 * One hop over the measured orders, in milliseconds (Kafka timestamps have no finer
	 * resolution).
	 *
	 * @param hop which
	 * @param orders orders whose every event was seen
	 * @param p50 median
	 * @param p99 99th percentile
	 * @param max largest
	 */
	public record HopReport(String hop, long orders, long p50, long p99, long max) {
	}

}
