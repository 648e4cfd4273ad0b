package dev.orderflow.systemtests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;

/**
 * Checks the order of one order's events on its partition, as a consumer reads them: the
 * first copy of each event counts (redelivered copies are the inbox's business). On
 * {@code orders} nothing comes before its OrderPlaced; on {@code inventory} a
 * StockReleased never comes before the answer (StockReserved or StockRejected) to the
 * same order.
 */
final class CausalOrder {

	private static final Set<String> ORDER_OUTCOMES = Set.of("OrderConfirmed", "OrderRejected", "OrderCancelled");

	private static final Set<String> INVENTORY_ANSWERS = Set.of("StockReserved", "StockRejected");

	private CausalOrder() {
	}

	/** Orders with an event before its cause, as "orderId: X before Y". */
	static List<String> violations(List<Object> orderEvents, List<Object> inventoryEvents) {
		List<String> problems = new ArrayList<>();
		problems.addAll(before(orderEvents, Set.of("OrderPlaced"), ORDER_OUTCOMES));
		problems.addAll(before(inventoryEvents, INVENTORY_ANSWERS, Set.of("StockReleased")));
		problems.sort(null);
		return problems;
	}

	/** Orders that got two distinct StockReserved events: stock reserved twice. */
	static List<String> reservedTwice(List<Object> inventoryEvents) {
		Map<String, Set<String>> reservations = new HashMap<>();
		for (Object event : inventoryEvents) {
			SpecificRecord record = (SpecificRecord) event;
			if (type(record).equals("StockReserved")) {
				reservations.computeIfAbsent(field(record, "orderId"), (id) -> new HashSet<>())
					.add(field(record, "eventId"));
			}
		}
		return reservations.entrySet()
			.stream()
			.filter((e) -> e.getValue().size() > 1)
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
	}

	/** Orders whose first "effect" event comes before any of its "cause" events. */
	private static List<String> before(List<Object> events, Set<String> causes, Set<String> effects) {
		Set<String> seenCause = new HashSet<>();
		Set<String> seenEvents = new HashSet<>();
		List<String> problems = new ArrayList<>();
		for (Object event : events) {
			SpecificRecord record = (SpecificRecord) event;
			if (!seenEvents.add(field(record, "eventId"))) {
				continue;
			}
			String orderId = field(record, "orderId");
			String type = type(record);
			if (causes.contains(type)) {
				seenCause.add(orderId);
			}
			else if (effects.contains(type) && !seenCause.contains(orderId)) {
				problems.add(orderId + ": " + type + " before " + String.join("/", causes));
			}
		}
		return problems;
	}

	private static String type(SpecificRecord record) {
		return record.getSchema().getName();
	}

	private static String field(SpecificRecord record, String name) {
		return String.valueOf(record.get(record.getSchema().getField(name).pos()));
	}

}
