package dev.orderflow.eventing.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What the purge of settled orders deletes, and when (ADR 0021), on a table of its own in
 * H2: the services' tables are tested by their own {@code Settled*IntegrationTest}s, on
 * H2 and PostgreSQL.
 */
class SettledRecordsPurgeTest {

	private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

	private static final SettledRecords THINGS = SettledRecords.table("things", "thing", "id", "changed_at")
		.where("open = FALSE")
		.withDependents("thing_id", "thing_part");

	private final SettledRecordsDatabase database = SettledRecordsDatabase.h2();

	private final JdbcClient jdbc = this.database.jdbc();

	@BeforeEach
	void tables() {
		this.jdbc
			.sql("CREATE TABLE thing (id VARCHAR(20) PRIMARY KEY, open BOOLEAN NOT NULL,"
					+ " changed_at TIMESTAMP WITH TIME ZONE NOT NULL)")
			.update();
		this.jdbc.sql("CREATE INDEX thing_changed_at ON thing (changed_at)").update();
		this.jdbc.sql("CREATE TABLE thing_part (thing_id VARCHAR(20) NOT NULL REFERENCES thing (id), part INT)")
			.update();
	}

	@Test
	void deletesWhatSettledBeforeTheRetentionWithItsDependentsInBatchesAndKeepsTheRest() {
		for (int minutesAgo = 1; minutesAgo <= 7; minutesAgo++) {
			thing("t" + minutesAgo, false, minutesAgo);
		}
		thing("open", true, 10);

		assertThat(this.database.purgeAt(NOW, 2, THINGS)).isEqualTo(5);

		// retention 2 min: t2 changed exactly then, not before
		assertThat(ids()).containsExactlyInAnyOrder("t1", "t2", "open");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM thing_part").query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void recordsDownstreamOfOrderServiceAlsoOutliveEveryRedelivery() {
		thing("3 min ago", false, 3);
		thing("6 min ago", false, 6);

		// retention 2 min, plus 3 (the inbox's retention) downstream
		assertThat(this.database.purgeAt(NOW, 100, THINGS.outlivingRedeliveries())).isEqualTo(1);

		assertThat(ids()).containsExactly("3 min ago");
	}

	@Test
	void aRowThatChangedAfterItWasFoundIsKept() {
		thing("reopened", false, 5);

		long deleted = this.database.purgeAt(NOW, 100,
				() -> this.jdbc.sql("UPDATE thing SET open = TRUE WHERE id = 'reopened'").update(), THINGS);

		assertThat(deleted).isZero();
		assertThat(ids()).containsExactly("reopened");
	}

	@Test
	void withoutARetentionNothingStarts() {
		RetentionProperties keepForGood = new RetentionProperties(null, Duration.ofMinutes(10), 100);
		SettledRecordsPurge purge = new SettledRecordsPurge(List.of(THINGS), this.jdbc,
				TransactionOperations.withoutTransaction(), Clock.systemUTC(), keepForGood, Duration.ofDays(8));

		assertThat(keepForGood.enabled()).isFalse();
		assertThat(purge.isAutoStartup()).isFalse();
	}

	@Test
	void aRetentionThatIsNotPositiveIsRefusedNamingTheSetting() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetentionProperties(Duration.ZERO, Duration.ofMinutes(10), 100))
			.withMessageContaining("orderflow.retention.settled-orders");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetentionProperties(Duration.ofDays(1), Duration.ofMinutes(10), 0))
			.withMessageContaining("orderflow.retention.purge-batch-size");
	}

	private void thing(String id, boolean open, int minutesAgo) {
		this.jdbc.sql("INSERT INTO thing (id, open, changed_at) VALUES (:id, :open, :at)")
			.param("id", id)
			.param("open", open)
			.param("at", Timestamp.from(NOW.minus(Duration.ofMinutes(minutesAgo))))
			.update();
		this.jdbc.sql("INSERT INTO thing_part (thing_id, part) VALUES (:id, 1)").param("id", id).update();
	}

	private List<String> ids() {
		return this.jdbc.sql("SELECT id FROM thing").query(String.class).list();
	}

}
