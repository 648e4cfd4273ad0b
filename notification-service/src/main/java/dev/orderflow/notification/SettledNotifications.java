package dev.orderflow.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import dev.orderflow.eventing.retention.SettledRecords;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notifications of settled orders (ADR 0021): each is deleted once the settled-order
 * retention and the inbox's retention have passed since it was recorded, when
 * order-service has deleted its order and no redelivery of its event can arrive.
 */
@Component
class SettledNotifications implements SettledRecords {

	private final JdbcClient jdbc;

	SettledNotifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "notifications";
	}

	@Override
	public boolean outlivesRedeliveries() {
		return true;
	}

	@Override
	public List<String> settledBefore(Instant cutoff, int limit) {
		return this.jdbc
			.sql("SELECT id FROM notification WHERE created_at < :cutoff ORDER BY created_at FETCH FIRST " + limit
					+ " ROWS ONLY")
			.param("cutoff", Timestamp.from(cutoff))
			.query(Long.class)
			.list()
			.stream()
			.map(String::valueOf)
			.toList();
	}

	@Override
	public int delete(List<String> keys, Instant cutoff) {
		// a notification never changes once recorded: nothing to lock first
		return this.jdbc.sql("DELETE FROM notification WHERE id IN (:ids) AND created_at < :cutoff")
			.param("ids", keys.stream().map(Long::valueOf).toList())
			.param("cutoff", Timestamp.from(cutoff))
			.update();
	}

}
