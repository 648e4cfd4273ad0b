package dev.orderflow.eventing.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What the purge of settled orders deletes, and when (ADR 0021), against records kept in
 * memory: the database side is tested by each service's own records.
 */
class SettledRecordsPurgeTest {

	private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

	@Test
	void deletesWhatSettledBeforeTheRetentionInBatchesAndKeepsTheRest() {
		Kept orders = new Kept("orders", false);
		for (int minutesAgo = 1; minutesAgo <= 7; minutesAgo++) {
			orders.add("o" + minutesAgo, NOW.minus(Duration.ofMinutes(minutesAgo)));
		}

		SettledRecordsPurge purge = purge(2, orders);

		assertThat(purge.purge()).isEqualTo(5);
		assertThat(orders.keys()).containsOnly("o1", "o2");
		assertThat(orders.batchesDeleted).isEqualTo(3);
		assertThat(purge.purgedSinceStart("orders")).isEqualTo(5);
	}

	@Test
	void recordsDownstreamOfOrderServiceAlsoOutliveEveryRedelivery() {
		Kept orders = new Kept("orders", false);
		Kept reservations = new Kept("reservations", true);
		for (Kept kind : List.of(orders, reservations)) {
			kind.add("settled 3 min ago", NOW.minus(Duration.ofMinutes(3)));
			kind.add("settled 6 min ago", NOW.minus(Duration.ofMinutes(6)));
		}

		purge(100, orders, reservations).purge();

		// retention 2 min; reservations 2 + 3 (the inbox's retention)
		assertThat(orders.keys()).isEmpty();
		assertThat(reservations.keys()).containsOnly("settled 3 min ago");
	}

	@Test
	void aBatchWhoseRecordsAllChangedMeanwhileEndsTheRound() {
		Kept orders = new Kept("orders", false) {
			@Override
			public int delete(List<String> keys, Instant cutoff) {
				return 0; // a cancel (or another instance) got to every one first
			}
		};
		orders.add("a", NOW.minus(Duration.ofMinutes(5)));
		orders.add("b", NOW.minus(Duration.ofMinutes(5)));

		assertThat(purge(2, orders).purge()).isZero();
	}

	@Test
	void withoutARetentionNothingStarts() {
		RetentionProperties keepForGood = new RetentionProperties(null, Duration.ofMinutes(10), 500);
		SettledRecordsPurge purge = new SettledRecordsPurge(List.of(new Kept("orders", false)),
				TransactionOperations.withoutTransaction(), Clock.systemUTC(), keepForGood, Duration.ofDays(8));

		assertThat(keepForGood.enabled()).isFalse();
		assertThat(purge.isAutoStartup()).isFalse();
	}

	@Test
	void aRetentionThatIsNotPositiveIsRefusedNamingTheSetting() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetentionProperties(Duration.ZERO, Duration.ofMinutes(10), 500))
			.withMessageContaining("orderflow.retention.settled-orders");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetentionProperties(Duration.ofDays(1), Duration.ofMinutes(10), 0))
			.withMessageContaining("orderflow.retention.purge-batch-size");
	}

	private static SettledRecordsPurge purge(int batchSize, SettledRecords... kinds) {
		return new SettledRecordsPurge(List.of(kinds), TransactionOperations.withoutTransaction(),
				Clock.fixed(NOW, ZoneOffset.UTC),
				new RetentionProperties(Duration.ofMinutes(2), Duration.ofMinutes(10), batchSize),
				Duration.ofMinutes(3));
	}

	/** Records with the time each settled, oldest first by key order of insertion. */
	private static class Kept implements SettledRecords {

		private final String name;

		private final boolean downstream;

		private final TreeMap<String, Instant> settledAt = new TreeMap<>();

		int batchesDeleted;

		Kept(String name, boolean downstream) {
			this.name = name;
			this.downstream = downstream;
		}

		void add(String key, Instant settled) {
			this.settledAt.put(key, settled);
		}

		List<String> keys() {
			return new ArrayList<>(this.settledAt.keySet());
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public boolean outlivesRedeliveries() {
			return this.downstream;
		}

		@Override
		public List<String> settledBefore(Instant cutoff, int limit) {
			return this.settledAt.entrySet()
				.stream()
				.filter((record) -> record.getValue().isBefore(cutoff))
				.map(java.util.Map.Entry::getKey)
				.limit(limit)
				.toList();
		}

		@Override
		public int delete(List<String> keys, Instant cutoff) {
			this.batchesDeleted++;
			int deleted = 0;
			for (String key : keys) {
				if (this.settledAt.get(key) != null && this.settledAt.get(key).isBefore(cutoff)) {
					this.settledAt.remove(key);
					deleted++;
				}
			}
			return deleted;
		}

	}

}
