package dev.orderflow.inventory.reservation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import dev.orderflow.eventing.retention.SettledRecords;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reservations of settled orders, with their lines (ADR 0021). inventory-service does
 * not know when order-service settles an order, so a reservation goes only after the
 * settled-order retention <em>and</em> the inbox's retention have passed since its last
 * change: by then order-service has deleted the order, so no cancel can come for it, and
 * no redelivery of an event that changed it can arrive. Stock is never deleted: what a
 * confirmed order reserved stays reserved.
 */
@Component
class SettledReservations implements SettledRecords {

	private final JdbcClient jdbc;

	SettledReservations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "reservations";
	}

	@Override
	public boolean outlivesRedeliveries() {
		return true;
	}

	@Override
	public List<String> settledBefore(Instant cutoff, int limit) {
		return this.jdbc
			.sql("SELECT order_id FROM reservation WHERE updated_at < :cutoff ORDER BY updated_at FETCH FIRST " + limit
					+ " ROWS ONLY")
			.param("cutoff", Timestamp.from(cutoff))
			.query(String.class)
			.list();
	}

	@Override
	public int delete(List<String> keys, Instant cutoff) {
		// in one lock order, as every purging instance and the listeners (ADR 0008)
		List<String> orderIds = this.jdbc
			.sql("SELECT order_id FROM reservation WHERE order_id IN (:ids) AND updated_at < :cutoff"
					+ " ORDER BY order_id FOR UPDATE")
			.param("ids", keys)
			.param("cutoff", Timestamp.from(cutoff))
			.query(String.class)
			.list();
		if (orderIds.isEmpty()) {
			return 0;
		}
		this.jdbc.sql("DELETE FROM reservation_line WHERE order_id IN (:ids)").param("ids", orderIds).update();
		return this.jdbc.sql("DELETE FROM reservation WHERE order_id IN (:ids)").param("ids", orderIds).update();
	}

}
