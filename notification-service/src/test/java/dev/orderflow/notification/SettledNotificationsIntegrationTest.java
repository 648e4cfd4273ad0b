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
 * retention on top), the purge deletes notifications five minutes after they were
 * recorded (order owners: {@code SettledOrderOwnersIntegrationTest}). On H2;
 * {@link SettledNotificationsPostgresIntegrationTest} runs the same on PostgreSQL.
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

		assertThat(this.database.purgeAt(NOW, 2, new SettledNotifications(this.jdbc))).isEqualTo(3);

		assertThat(this.jdbc.sql("SELECT order_id FROM notification").query(String.class).list())
			.containsExactly("o-recent");
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
