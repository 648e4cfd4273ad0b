package dev.orderflow.eventing.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.eventing.support.PeriodicTask;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the inbox bounded: every {@code orderflow.inbox.purge-interval} it deletes the
 * {@code processed_event} rows older than {@code orderflow.inbox.retention}, in batches
 * of {@code purge-batch-size}, each statement committing on its own so that no purge
 * holds the table's locks for long (on H2 every commit of the service queues on one store
 * lock).
 * <p>
 * Several instances of a service may purge at the same time: a row is deleted once, the
 * other DELETE finds it gone, so no lock between instances is needed.
 */
public class InboxPurge extends PeriodicTask {

	private static final Logger log = LoggerFactory.getLogger(InboxPurge.class);

	// H2 and PostgreSQL differ on DELETE ... LIMIT. A batch is therefore two standard
	// statements: the oldest keys (FETCH FIRST, through the index on processed_at), then
	// a DELETE by primary key per consumer. A first version deleted with a row-value IN
	// over a subselect, which H2 ran as a scan of the whole table per batch (seconds for
	// a
	// few hundred rows in the soak).
	private static final String OLD_KEYS = "SELECT consumer, event_id FROM processed_event WHERE processed_at < :cutoff"
			+ " ORDER BY processed_at FETCH FIRST %d ROWS ONLY";

	private static final String DELETE_KEYS = "DELETE FROM processed_event WHERE consumer = :consumer"
			+ " AND event_id IN (:ids) AND processed_at < :cutoff";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final InboxProperties properties;

	private final Runnable beforeFirstPurge;

	private final AtomicLong purged = new AtomicLong();

	/**
	 * @param beforeFirstPurge run once on the purge thread right after start (the
	 * retention check, which talks to the broker and must not delay the start)
	 */
	public InboxPurge(JdbcClient jdbc, Clock clock, InboxProperties properties, Runnable beforeFirstPurge) {
		super("inbox-purge", "Inbox purge");
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.beforeFirstPurge = beforeFirstPurge;
	}

	/**
	 * Deletes every row older than the retention, batch by batch.
	 * @return how many rows it deleted
	 */
	public long purge() {
		return purgeOlderThan(this.clock.instant().minus(this.properties.retention()));
	}

	/**
	 * Deletes every row processed before {@code cutoff}. Bounded: the cutoff is fixed, so
	 * the rows it selects only become fewer, and each batch but the last deletes a full
	 * batch.
	 * @return how many rows it deleted
	 */
	long purgeOlderThan(Instant cutoff) {
		Timestamp before = Timestamp.from(cutoff);
		long total = 0;
		int found;
		do {
			Map<String, List<String>> keys = new LinkedHashMap<>();
			this.jdbc.sql(OLD_KEYS.formatted(this.properties.purgeBatchSize())).param("cutoff", before).query((rs) -> {
				keys.computeIfAbsent(rs.getString(1), (consumer) -> new ArrayList<>()).add(rs.getString(2));
			});
			found = keys.values().stream().mapToInt(List::size).sum();
			for (Map.Entry<String, List<String>> consumer : keys.entrySet()) {
				// processed_at again: the row is deleted only if it is still old
				// (idempotent,
				// any instance)
				int deleted = this.jdbc.sql(DELETE_KEYS)
					.param("consumer", consumer.getKey())
					.param("ids", consumer.getValue())
					.param("cutoff", before)
					.update();
				total += deleted;
				this.purged.addAndGet(deleted);
			}
		}
		while (found >= this.properties.purgeBatchSize());
		return total;
	}

	/** Rows deleted since start, for the {@code orderflow.inbox.purged} counter. */
	public long purgedSinceStart() {
		return this.purged.get();
	}

	/** Rows in the inbox now, for the {@code orderflow.inbox.rows} gauge. */
	public long rows() {
		return this.jdbc.sql("SELECT COUNT(*) FROM processed_event").query(Long.class).single();
	}

	@Override
	protected Duration interval() {
		return this.properties.purgeInterval();
	}

	@Override
	protected void beforeFirstRound() {
		try {
			this.beforeFirstPurge.run();
		}
		catch (RuntimeException ex) {
			log.warn("Inbox retention check failed: {}", ex.toString());
		}
	}

	@Override
	protected void runRound() {
		long started = System.nanoTime();
		long deleted = purge();
		if (deleted > 0) {
			log.info("Purged {} inbox rows older than {} in {} ms", deleted, this.properties.retention(),
					(System.nanoTime() - started) / 1_000_000);
		}
	}

	@Override
	public boolean isAutoStartup() {
		return this.properties.purgeEnabled();
	}

}
