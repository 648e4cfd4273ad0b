package dev.orderflow.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orderflow.eventing.retention.SettledRecordsDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a retention for settled orders (ADR 0021; two minutes here, three of inbox
 * retention on top), the purge deletes notifications and order owners five minutes after
 * they were recorded. On H2; {@link SettledNotificationsPostgresIntegrationTest} runs the
 * same on PostgreSQL.
 */
class SettledNotificationsIntegrationTest {

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
	}

	@Test
	void notificationsGoFiveMinutesAfterTheyWereRecorded() {
		for (int i = 0; i < 3; i++) {
			notification("o-old", 6);
		}
		notification("o-recent", 4);

		assertThat(this.database.purgeAt(NOW, 2, SettledNotifications.NOTIFICATIONS)).isEqualTo(3);

		assertThat(this.jdbc.sql("SELECT order_id FROM notification").query(String.class).list())
			.containsExactly("o-recent");
	}

	@Test
	void anOwnerGoesFiveMinutesAfterOrderPlacedNamedIt() {
		owner("o-old", 6);
		owner("o-recent", 4);

		assertThat(this.database.purgeAt(NOW, 500, SettledNotifications.ORDER_OWNERS)).isEqualTo(1);

		assertThat(this.jdbc.sql("SELECT order_id FROM order_owner").query(String.class).list())
			.containsExactly("o-recent");
	}

	/** Recorded as OrderOwners does (created_at from its default), then aged. */
	private void owner(String orderId, int minutesAgo) {
		this.jdbc.sql("INSERT INTO order_owner (order_id, customer_id) VALUES (:orderId, 'c-1')")
			.param("orderId", orderId)
			.update();
		this.jdbc.sql("UPDATE order_owner SET created_at = :at WHERE order_id = :orderId")
			.param("at", Timestamp.from(NOW.minus(Duration.ofMinutes(minutesAgo))))
			.param("orderId", orderId)
			.update();
	}

	private void notification(String orderId, int minutesAgo) {
		this.jdbc.sql("""
				INSERT INTO notification (event_id, order_id, type, recipient, subject, body, status, created_at)
				VALUES (:eventId, :orderId, 'ORDER_CONFIRMED', 'you@example.com', 's', 'b', 'SENT', :at)""")
			.param("eventId", UUID.randomUUID())
			.param("orderId", orderId)
			.param("at", Timestamp.from(NOW.minus(Duration.ofMinutes(minutesAgo))))
			.update();
	}

}
