package dev.orderflow.order;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import dev.orderflow.eventing.retention.SettledRecords;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The orders that settled: confirmed with no cancel pending, rejected or cancelled. With
 * {@code orderflow.retention.settled-orders} set, an order is deleted that long after its
 * last change, with its lines, its history and the idempotency keys that point at it (ADR
 * 0021); from then on it is 404 to everyone. A pending order, or a confirmed one whose
 * cancel inventory has not answered yet, is never deleted.
 */
@Component
class SettledOrders implements SettledRecords {

	private static final String SETTLED_BEFORE_CUTOFF = " (status IN ('REJECTED', 'CANCELLED')"
			+ " OR (status = 'CONFIRMED' AND cancel_requested = FALSE)) AND updated_at < :cutoff";

	private final JdbcClient jdbc;

	SettledOrders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "orders";
	}

	@Override
	public List<String> settledBefore(Instant cutoff, int limit) {
		return this.jdbc
			.sql("SELECT id FROM orders WHERE" + SETTLED_BEFORE_CUTOFF + " ORDER BY updated_at FETCH FIRST " + limit
					+ " ROWS ONLY")
			.param("cutoff", Timestamp.from(cutoff))
			.query(String.class)
			.list();
	}

	@Override
	public int delete(List<String> keys, Instant cutoff) {
		// lock the orders that still qualify, in one order (as every purging instance
		// does): a cancel that reached one meanwhile has changed it and keeps it
		List<String> ids = this.jdbc
			.sql("SELECT id FROM orders WHERE id IN (:ids) AND" + SETTLED_BEFORE_CUTOFF + " ORDER BY id FOR UPDATE")
			.param("ids", keys)
			.param("cutoff", Timestamp.from(cutoff))
			.query(String.class)
			.list();
		if (ids.isEmpty()) {
			return 0;
		}
		for (String table : List.of("idempotency_key", "order_history", "order_line")) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE order_id IN (:ids)").param("ids", ids).update();
		}
		return this.jdbc.sql("DELETE FROM orders WHERE id IN (:ids)").param("ids", ids).update();
	}

}
