package dev.orderflow.eventing.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
		createTables(this.jdbc);
	}

	private static void createTables(JdbcClient jdbc) {
		jdbc.sql("CREATE TABLE thing (id VARCHAR(20) PRIMARY KEY, open BOOLEAN NOT NULL,"
				+ " changed_at TIMESTAMP WITH TIME ZONE NOT NULL)")
			.update();
		jdbc.sql("CREATE INDEX thing_changed_at ON thing (changed_at)").update();
		jdbc.sql("CREATE TABLE thing_part (thing_id VARCHAR(20) NOT NULL REFERENCES thing (id), part INT)").update();
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

	/**
	 * Two instances of a service purge the same database at once (ADR 0021): both find
	 * the same oldest batch, one locks and deletes it, the other finds it gone. No row
	 * may be deleted or counted twice, no dependent may outlive its row or lose it, and
	 * neither may fail (a deadlock between the two would fail one of them on PostgreSQL).
	 * An instance that finds its batch already gone ends its round, so what both leave is
	 * taken by the next round.
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "H2", "PostgreSQL" })
	void twoInstancesPurgingAtOnceDeleteEveryRowOnceWithItsDependents(String engine) throws Exception {
		SettledRecordsDatabase database = engine.equals("H2") ? this.database : SettledRecordsDatabase.postgres();
		JdbcClient jdbc = database.jdbc();
		if (database != this.database) {
			createTables(jdbc);
		}
		int rows = 600;
		for (int first = 0; first < rows; first += 100) {
			StringBuilder things = new StringBuilder("INSERT INTO thing (id, open, changed_at) VALUES ");
			StringBuilder parts = new StringBuilder("INSERT INTO thing_part (thing_id, part) VALUES ");
			for (int n = first; n < first + 100; n++) {
				// settled 5 minutes ago and earlier, one second apart, so batches follow
				// each other in time
				Instant at = NOW.minus(Duration.ofMinutes(5)).minusSeconds(n);
				String literal = at.toString().replace('T', ' ').replace("Z", "+00:00");
				things.append((n == first) ? "" : ",")
					.append("('t")
					.append(n)
					.append("', FALSE, TIMESTAMP WITH TIME ZONE '")
					.append(literal)
					.append("')");
				parts.append((n == first) ? "" : ",").append("('t").append(n).append("', 1)");
			}
			jdbc.sql(things.toString()).update();
			jdbc.sql(parts.toString()).update();
		}

		ExecutorService instances = Executors.newFixedThreadPool(2);
		CountDownLatch together = new CountDownLatch(1);
		Callable<Long> instance = () -> {
			together.await();
			return database.purgeAt(NOW, 25, THINGS);
		};
		try {
			Future<Long> first = instances.submit(instance);
			Future<Long> second = instances.submit(instance);
			together.countDown();
			long deleted = first.get(2, TimeUnit.MINUTES) + second.get(2, TimeUnit.MINUTES);
			long left = count(jdbc, "thing");

			assertThat(deleted + left).as("rows deleted (counted once each) plus rows left").isEqualTo(rows);
			assertThat(count(jdbc, "thing_part")).as("dependents left, one per row left").isEqualTo(left);
			assertThat(database.purgeAt(NOW, 25, THINGS)).as("what the next round takes").isEqualTo(left);
			assertThat(count(jdbc, "thing") + count(jdbc, "thing_part")).isZero();
		}
		finally {
			instances.shutdownNow();
		}
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
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
