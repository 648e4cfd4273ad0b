package dev.orderflow.eventing.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.KafkaException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer that cannot use the database for longer than the limit makes health (and
 * readiness) DOWN, whatever the {@code db} indicator's validation query says; waiting on
 * the broker or the registry stays UP (ADR 0009, ADR 0017).
 */
class ConsumerRetriesHealthIndicatorTest {

	private static final Duration LIMIT = Duration.ofMinutes(1);

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T23:59:53Z"));

	private final ConsumerRetries retries = new ConsumerRetries(this.clock, Duration.ofSeconds(30));

	private final ConsumerRetriesHealthIndicator health = new ConsumerRetriesHealthIndicator(this.retries, this.clock,
			LIMIT);

	private final ConsumerRecord<String, String> record = new ConsumerRecord<>("orders", 1, 44344, "order", "placed");

	@Test
	void isDownOnceAConsumerHasWaitedOnTheDatabaseLongerThanTheLimit() {
		failEvery10SecondsFor(Duration.ofSeconds(50), new DataAccessResourceFailureException("database closed"));
		assertThat(this.health.health(true).getStatus()).isEqualTo(Status.UP);

		failEvery10SecondsFor(Duration.ofSeconds(20), new DataAccessResourceFailureException("database closed"));

		Health down = this.health.health(true);
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsKey("stuckOnDatabase")
			.containsEntry("databaseUnusableLongerThan", "PT1M");
	}

	@Test
	void isUpAgainOnceTheRecordWentThrough() {
		failEvery10SecondsFor(Duration.ofMinutes(2), new DataAccessResourceFailureException("database closed"));
		assertThat(this.health.health(true).getStatus()).isEqualTo(Status.DOWN);

		// no failure reported for longer than the stale period: the record was applied
		this.clock.advance(Duration.ofSeconds(31));

		assertThat(this.health.health(true).getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void staysUpWhileAConsumerWaitsOnTheBrokerForLong() {
		failEvery10SecondsFor(Duration.ofMinutes(5),
				new KafkaException("timeout", new org.apache.kafka.common.errors.TimeoutException("broker away")));

		Health health = this.health.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsKey("waitingOnDependency");
	}

	private void failEvery10SecondsFor(Duration duration, Exception failure) {
		for (long elapsed = 0; elapsed < duration.toSeconds(); elapsed += 10) {
			this.retries.failedDelivery(this.record, failure, 1);
			this.clock.advance(Duration.ofSeconds(10));
		}
		this.retries.failedDelivery(this.record, failure, 1);
	}

	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
