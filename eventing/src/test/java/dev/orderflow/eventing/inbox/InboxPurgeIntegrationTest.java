package dev.orderflow.eventing.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import dev.orderflow.eventing.AbstractEventingIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbox forgets what is older than its retention, and only that: a redelivery inside
 * the retention is still recognised. Runs on H2 here and on PostgreSQL in
 * {@link InboxPurgePostgresIntegrationTest}.
 */
class InboxPurgeIntegrationTest extends AbstractEventingIntegrationTest {

	private static final Duration RETENTION = new InboxProperties(Duration.ofDays(8), true, Duration.ofMinutes(10),
			1000)
		.retention();

	@Autowired
	ProcessedEvents processedEvents;

	@Autowired
	InboxPurge purge;

	@Autowired
	MeterRegistry meters;

	@Test
	void eventsOlderThanTheRetentionAreForgottenAndRecentOnesStillRecognised() {
		String consumer = "purge-" + UUID.randomUUID();
		List<UUID> old = processed(consumer, 3, Instant.now().minus(RETENTION).minus(Duration.ofHours(1)));
		List<UUID> recent = processed(consumer, 2, Instant.now().minus(RETENTION).plus(Duration.ofHours(1)));
		double purgedBefore = this.meters.get("orderflow.inbox.purged").functionCounter().count();

		long deleted = this.purge.purge();

		assertThat(deleted).isGreaterThanOrEqualTo(3);
		assertThat(rows(consumer)).isEqualTo(2);
		assertThat(this.meters.get("orderflow.inbox.purged").functionCounter().count())
			.isGreaterThanOrEqualTo(purgedBefore + 3);
		assertThat(this.meters.get("orderflow.inbox.rows").gauge().value()).isGreaterThanOrEqualTo(2);
		// a redelivery of a recent event is still skipped ...
		recent.forEach((id) -> assertThat(firstDelivery(consumer, id)).isFalse());
		// ... while a forgotten one would be applied again: why the retention must
		// outlast the topics'
		old.forEach((id) -> assertThat(firstDelivery(consumer, id)).isTrue());
	}

	@Test
	void aLargeBacklogIsPurgedInSeveralSmallBatches() {
		String consumer = "purge-batches-" + UUID.randomUUID();
		processed(consumer, 7, Instant.now().minus(RETENTION).minus(Duration.ofDays(3)));
		InboxPurge smallBatches = new InboxPurge(this.jdbc, Clock.systemUTC(),
				new InboxProperties(RETENTION, false, Duration.ofMinutes(10), 2), () -> {
				});

		smallBatches.purge();

		assertThat(rows(consumer)).isZero();
		assertThat(smallBatches.purgedSinceStart()).isGreaterThanOrEqualTo(7);
	}

	@Test
	void topicsThatKeepRecordsLongerThanTheInboxAreNamed() throws Exception {
		String longLived = "inbox-long-lived-" + UUID.randomUUID();
		Map<String, Object> admin = Map.of("bootstrap.servers", this.broker.getBrokersAsString());
		try (Admin client = Admin.create(admin)) {
			client.createTopics(List.of(new NewTopic(longLived, 1, (short) 1)
				.configs(Map.of("retention.ms", Long.toString(Duration.ofDays(30).toMillis()))))).all().get();
		}
		InboxRetentionCheck check = new InboxRetentionCheck(admin, RETENTION, List::of);

		// the test topic has the broker's default retention (7 days), shorter than the
		// inbox's 8 days;
		// the long-lived topic has no .DLT, which is left out. Awaited: a new topic
		// reaches the
		// broker's metadata shortly after its creation is acknowledged.
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(check.shortfalls(List.of(longLived, RECORDED_TOPIC)))
				.containsExactly(new InboxRetentionCheck.Shortfall(longLived, Duration.ofDays(30).toMillis())));
	}

	private List<UUID> processed(String consumer, int count, Instant at) {
		List<UUID> ids = IntStream.range(0, count).mapToObj((i) -> UUID.randomUUID()).toList();
		for (UUID id : ids) {
			assertThat(firstDelivery(consumer, id)).isTrue();
			this.jdbc.sql("UPDATE processed_event SET processed_at = :at WHERE consumer = :consumer AND event_id = :id")
				.param("at", Timestamp.from(at))
				.param("consumer", consumer)
				.param("id", id.toString())
				.update();
		}
		return ids;
	}

	private boolean firstDelivery(String consumer, UUID id) {
		return Boolean.TRUE.equals(this.transactions.execute((tx) -> this.processedEvents.firstDelivery(consumer, id)));
	}

	private long rows(String consumer) {
		return this.jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE consumer = :consumer")
			.param("consumer", consumer)
			.query(Long.class)
			.single();
	}

}
