package dev.orderflow.notification.owner;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import dev.orderflow.eventing.retention.SettledRecords;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whose each settled order was (ADR 0021): forgotten with the order's notifications, once
 * the settled-order retention and the inbox's retention have passed since OrderPlaced
 * named the customer.
 */
@Component
class SettledOrderOwners implements SettledRecords {

	private final JdbcClient jdbc;

	SettledOrderOwners(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "order-owners";
	}

	@Override
	public boolean outlivesRedeliveries() {
		return true;
	}

	@Override
	public List<String> settledBefore(Instant cutoff, int limit) {
		return this.jdbc
			.sql("SELECT order_id FROM order_owner WHERE created_at < :cutoff ORDER BY created_at FETCH FIRST " + limit
					+ " ROWS ONLY")
			.param("cutoff", Timestamp.from(cutoff))
			.query(String.class)
			.list();
	}

	@Override
	public int delete(List<String> keys, Instant cutoff) {
		// an owner never changes once recorded: nothing to lock first
		return this.jdbc.sql("DELETE FROM order_owner WHERE order_id IN (:ids) AND created_at < :cutoff")
			.param("ids", keys)
			.param("cutoff", Timestamp.from(cutoff))
			.update();
	}

}
