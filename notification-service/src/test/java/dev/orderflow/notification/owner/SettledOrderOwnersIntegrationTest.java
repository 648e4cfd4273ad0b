package dev.orderflow.notification.owner;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.orderflow.eventing.retention.SettledRecordsDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a retention for settled orders (ADR 0021; two minutes here, three of inbox
 * retention on top), an order's owner is forgotten five minutes after OrderPlaced named
 * it; one learnt later is kept.
 */
class SettledOrderOwnersIntegrationTest {

	private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

	@Test
	void anOwnerGoesFiveMinutesAfterItWasLearnt() {
		SettledRecordsDatabase database = SettledRecordsDatabase.h2();
		JdbcClient jdbc = database.jdbc();
		OrderOwners owners = new OrderOwners(jdbc);
		owners.record("o-old", "c-1");
		owners.record("o-recent", "c-2");
		learntAt(jdbc, "o-old", 6);
		learntAt(jdbc, "o-recent", 4);

		assertThat(database.purgeAt(NOW, 500, new SettledOrderOwners(jdbc))).isEqualTo(1);

		assertThat(owners.ownerOf("o-old")).isEmpty();
		assertThat(owners.ownerOf("o-recent")).contains("c-2");
	}

	private static void learntAt(JdbcClient jdbc, String orderId, int minutesAgo) {
		jdbc.sql("UPDATE order_owner SET created_at = :at WHERE order_id = :orderId")
			.param("at", Timestamp.from(NOW.minus(Duration.ofMinutes(minutesAgo))))
			.param("orderId", orderId)
			.update();
	}

}
