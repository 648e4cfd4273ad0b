package dev.orderflow.inventory.reservation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orderflow.eventing.retention.SettledRecordsDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a retention for settled orders (ADR 0021; two minutes here, three of inbox
 * retention on top), the purge deletes a reservation and its lines five minutes after its
 * last change, whatever its status, and never touches the stock. On H2;
 * {@link SettledReservationsPostgresIntegrationTest} runs the same on PostgreSQL.
 */
class SettledReservationsIntegrationTest {

	private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

	private SettledRecordsDatabase database;

	private JdbcClient jdbc;

	protected SettledRecordsDatabase newDatabase() {
		return SettledRecordsDatabase.h2();
	}

	@BeforeEach
	void schema() {
		this.database = newDatabase();
		this.jdbc = this.database.jdbc();
		this.jdbc.sql("INSERT INTO stock (sku, available, reserved) VALUES ('SKU-1', 5, 12)").update();
	}

	@Test
	void aReservationGoesOnlyOnceTheRetentionAndTheInboxRetentionPassedSinceItsLastChange() {
		reservation("reserved-6-min-ago", "RESERVED", 6);
		reservation("released-6-min-ago", "RELEASED", 6);
		reservation("rejected-6-min-ago", "REJECTED", 6);
		reservation("reserved-4-min-ago", "RESERVED", 4);
		reservation("released-1-min-ago", "RELEASED", 1);

		assertThat(this.database.purgeAt(NOW, 2, SettledReservations.RESERVATIONS)).isEqualTo(3);

		assertThat(this.jdbc.sql("SELECT order_id FROM reservation").query(String.class).list())
			.containsExactlyInAnyOrder("reserved-4-min-ago", "released-1-min-ago");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM reservation_line").query(Long.class).single()).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT available, reserved FROM stock WHERE sku = 'SKU-1'")
			.query((rs, row) -> List.of(rs.getInt(1), rs.getInt(2)))
			.single()).containsExactly(5, 12);
	}

	private void reservation(String orderId, String status, int minutesAgo) {
		Timestamp changed = Timestamp.from(NOW.minus(Duration.ofMinutes(minutesAgo)));
		this.jdbc.sql("""
				INSERT INTO reservation (order_id, status, created_at, updated_at)
				VALUES (:orderId, :status, :changed, :changed)""")
			.param("orderId", orderId)
			.param("status", status)
			.param("changed", changed)
			.update();
		this.jdbc
			.sql("INSERT INTO reservation_line (order_id, line_no, sku, quantity) VALUES (:orderId, 1, 'SKU-1', 2)")
			.param("orderId", orderId)
			.update();
	}

}
