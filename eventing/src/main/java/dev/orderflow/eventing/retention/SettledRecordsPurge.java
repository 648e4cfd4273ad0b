package dev.orderflow.eventing.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.eventing.support.PeriodicTask;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Deletes, every {@code orderflow.retention.purge-interval}, the records of orders that
 * settled longer than {@code orderflow.retention.settled-orders} ago (ADR 0021). Started
 * only when that retention is set.
 * <p>
 * A batch is found in one short transaction and deleted in another, which checks again
 * that each order is still settled and old enough (a cancel may have reached it
 * meanwhile). Several instances may purge at once: an order is deleted once, the other
 * instance finds it gone.
 */
public class SettledRecordsPurge extends PeriodicTask {

	private static final Logger log = LoggerFactory.getLogger(SettledRecordsPurge.class);

	private final List<SettledRecords> records;

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final RetentionProperties properties;

	private final Duration redeliveryWindow;

	private final Map<String, AtomicLong> purged = new ConcurrentHashMap<>();

	/**
	 * @param redeliveryWindow how long a redelivery of an event can still arrive (the
	 * inbox's retention), added for {@link SettledRecords#outlivesRedeliveries()} records
	 */
	public SettledRecordsPurge(List<SettledRecords> records, JdbcClient jdbc, TransactionOperations transactions,
			Clock clock, RetentionProperties properties, Duration redeliveryWindow) {
		super("retention-purge", "Purge of settled orders");
		this.records = List.copyOf(records);
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.properties = properties;
		this.redeliveryWindow = redeliveryWindow;
		this.records.forEach((kind) -> this.purged.put(kind.name(), new AtomicLong()));
	}

	/** The kinds of records this service keeps, for the metrics. */
	public List<String> names() {
		return this.records.stream().map(SettledRecords::name).toList();
	}

	/**
	 * Deletes every record past its retention now, batch by batch.
	 * @return how many it deleted, of every kind
	 */
	public long purge() {
		Instant now = this.clock.instant();
		long total = 0;
		for (SettledRecords kind : this.records) {
			total += purge(kind, now.minus(retentionOf(kind)));
		}
		return total;
	}

	/** How long after its order settled a record of this kind is kept. */
	Duration retentionOf(SettledRecords kind) {
		Duration retention = this.properties.settledOrders();
		return kind.outlivesRedeliveries() ? retention.plus(this.redeliveryWindow) : retention;
	}

	// Bounded: the cutoff is fixed, so the records it selects only become fewer; a batch
	// that deletes none of what it found (another instance was faster, or a cancel
	// touched every one) ends the round too.
	private long purge(SettledRecords kind, Instant cutoff) {
		long total = 0;
		int batchSize = this.properties.purgeBatchSize();
		boolean more;
		do {
			long started = System.nanoTime();
			List<Object> keys = this.transactions.execute((status) -> oldest(kind, cutoff, batchSize));
			int deleted = keys.isEmpty() ? 0 : this.transactions.execute((status) -> delete(kind, keys, cutoff));
			total += deleted;
			this.purged.get(kind.name()).addAndGet(deleted);
			more = keys.size() >= batchSize && deleted > 0 && yieldAsLongAs(System.nanoTime() - started);
		}
		while (more);
		return total;
	}

	private List<Object> oldest(SettledRecords kind, Instant cutoff, int limit) {
		return this.jdbc.sql(kind.oldestSql(limit))
			.param("cutoff", Timestamp.from(cutoff))
			.query((rs, row) -> rs.getObject(1))
			.list();
	}

	/**
	 * Deletes the rows of {@code keys} that are still settled before {@code cutoff}, and
	 * their dependents; another instance may have deleted some already.
	 */
	private int delete(SettledRecords kind, List<Object> keys, Instant cutoff) {
		List<Object> stillSettled = this.jdbc.sql(kind.lockStillSettledSql())
			.param("keys", keys)
			.param("cutoff", Timestamp.from(cutoff))
			.query((rs, row) -> rs.getObject(1))
			.list();
		if (stillSettled.isEmpty()) {
			return 0;
		}
		kind.deleteDependentsSql().forEach((sql) -> this.jdbc.sql(sql).param("keys", stillSettled).update());
		return this.jdbc.sql(kind.deleteSql()).param("keys", stillSettled).update();
	}

	/**
	 * Pauses between two batches as long as the last one took (at most a second), so that
	 * a backlog of deletes takes at most about half of the database's time: on H2 every
	 * commit of the service waits while one of the purge's commits, and at 60 orders/s
	 * without a pause the rounds answered bursts of 503 "Database busy" in the soak.
	 * @return false if the thread was interrupted (the service is stopping)
	 */
	private static boolean yieldAsLongAs(long nanos) {
		try {
			TimeUnit.NANOSECONDS.sleep(Math.min(nanos, 1_000_000_000L));
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Records of this kind deleted since start, for the counter. */
	public long purgedSinceStart(String name) {
		AtomicLong count = this.purged.get(name);
		return (count != null) ? count.get() : 0;
	}

	@Override
	protected Duration interval() {
		return this.properties.purgeInterval();
	}

	@Override
	protected void beforeFirstRound() {
		this.records
			.forEach((kind) -> log.info("Deleting {} {} after their order settled", kind.name(), retentionOf(kind)));
	}

	@Override
	protected void runRound() {
		long started = System.nanoTime();
		long deleted = purge();
		if (deleted > 0) {
			log.info("Deleted {} records of settled orders in {} ms", deleted,
					(System.nanoTime() - started) / 1_000_000);
		}
	}

	@Override
	public boolean isAutoStartup() {
		return this.properties.enabled();
	}

}
