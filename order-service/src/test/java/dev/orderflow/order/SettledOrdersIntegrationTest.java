package dev.orderflow.order;

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
 * With a retention for settled orders (ADR 0021; two minutes here), the purge deletes an
 * order that long after its last change, with everything that points at it, and never an
 * order that can still change. On H2; {@link SettledOrdersPostgresIntegrationTest} runs
 * the same on PostgreSQL.
 */
class SettledOrdersIntegrationTest {

	private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

	private static final Instant LONG_AGO = NOW.minus(Duration.ofMinutes(10));

	private SettledRecordsDatabase database;

	private JdbcClient jdbc;

	protected SettledRecordsDatabase newDatabase() {
		return SettledRecordsDatabase.h2();
	}

	@BeforeEach
	void schema() {
		this.database = newDatabase();
		this.jdbc = this.database.jdbc();
	}

	@Test
	void confirmedRejectedAndCancelledOrdersGoWithTheirLinesHistoryAndIdempotencyKeys() {
		for (String status : List.of("CONFIRMED", "REJECTED", "CANCELLED")) {
			order(status.toLowerCase(), status, false, LONG_AGO);
		}

		assertThat(purge(500)).isEqualTo(3);

		for (String table : List.of("orders", "order_line", "order_history", "idempotency_key")) {
			assertThat(count(table)).as(table).isZero();
		}
	}

	@Test
	void anOrderThatCanStillChangeOrChangedRecentlyIsKept() {
		order("pending", "PENDING", false, LONG_AGO);
		order("pending-cancel-requested", "PENDING", true, LONG_AGO);
		order("confirmed-cancel-requested", "CONFIRMED", true, LONG_AGO);
		order("confirmed-a-minute-ago", "CONFIRMED", false, NOW.minus(Duration.ofMinutes(1)));
		order("confirmed-long-ago", "CONFIRMED", false, LONG_AGO);

		assertThat(purge(500)).isEqualTo(1);

		assertThat(ids()).containsExactlyInAnyOrder("pending", "pending-cancel-requested", "confirmed-cancel-requested",
				"confirmed-a-minute-ago");
		assertThat(count("order_line")).isEqualTo(4);
	}

	@Test
	void aBacklogGoesInBatches() {
		for (int i = 0; i < 7; i++) {
			order("confirmed-" + i, "CONFIRMED", false, LONG_AGO.plusSeconds(i));
		}

		assertThat(purge(3)).isEqualTo(7);

		assertThat(ids()).isEmpty();
	}

	@Test
	void anOrderACancelReachedAfterItWasFoundIsKept() {
		order("confirmed", "CONFIRMED", false, LONG_AGO);

		// the customer asks to cancel between the purge's two transactions
		long deleted = this.database.purgeAt(NOW, 500,
				() -> this.jdbc
					.sql("UPDATE orders SET cancel_requested = TRUE, updated_at = :now WHERE id = 'confirmed'")
					.param("now", Timestamp.from(NOW))
					.update(),
				SettledOrders.ORDERS);

		assertThat(deleted).isZero();
		assertThat(ids()).containsExactly("confirmed");
	}

	private long purge(int batchSize) {
		return this.database.purgeAt(NOW, batchSize, SettledOrders.ORDERS);
	}

	private void order(String id, String status, boolean cancelRequested, Instant updatedAt) {
		this.jdbc.sql("""
				INSERT INTO orders (id, customer_id, customer_email, status, cancel_requested, created_at, updated_at,
				version) VALUES (:id, 'c-1', 'c1@example.com', :status, :cancelRequested, :createdAt, :updatedAt, 2)""")
			.param("id", id)
			.param("status", status)
			.param("cancelRequested", cancelRequested)
			.param("createdAt", Timestamp.from(updatedAt.minusSeconds(1)))
			.param("updatedAt", Timestamp.from(updatedAt))
			.update();
		this.jdbc.sql("INSERT INTO order_line (order_id, line_no, sku, quantity) VALUES (:id, 1, 'SKU-1', 2)")
			.param("id", id)
			.update();
		this.jdbc.sql("""
				INSERT INTO order_history (order_id, seq, status, event_name, occurred_at, source)
				VALUES (:id, 1, :status, 'OrderPlaced', :at, 'api')""")
			.param("id", id)
			.param("status", status)
			.param("at", Timestamp.from(updatedAt))
			.update();
		this.jdbc.sql("""
				INSERT INTO idempotency_key (idempotency_key, request_hash, order_id, created_at)
				VALUES (:key, 'hash', :id, :at)""")
			.param("key", "key-" + id)
			.param("id", id)
			.param("at", Timestamp.from(updatedAt))
			.update();
	}

	private List<String> ids() {
		return this.jdbc.sql("SELECT id FROM orders").query(String.class).list();
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

}
