package dev.orderflow.eventing.deadletter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code dead_letter_replay} table: which dead letters this service replayed, and
 * when.
 */
class DeadLetterReplays {

	private final JdbcClient jdbc;

	DeadLetterReplays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Set<DeadLetterId> all() {
		return new HashSet<>(this.jdbc.sql("SELECT dlt_topic, dlt_partition, dlt_offset FROM dead_letter_replay")
			.query((rs, row) -> new DeadLetterId(rs.getString("dlt_topic"), rs.getInt("dlt_partition"),
					rs.getLong("dlt_offset")))
			.list());
	}

	boolean contains(DeadLetterId id) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM dead_letter_replay WHERE dlt_topic = :topic AND dlt_partition = :partition"
					+ " AND dlt_offset = :offset")
			.param("topic", id.dltTopic())
			.param("partition", id.partition())
			.param("offset", id.offset())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Records a replay; the primary key lets only one of two concurrent replays of a
	 * record commit.
	 * @throws DeadLetterAlreadyReplayedException when it was recorded before
	 */
	void record(DeadLetterId id, Instant at) {
		try {
			this.jdbc
				.sql("INSERT INTO dead_letter_replay (dlt_topic, dlt_partition, dlt_offset, replayed_at)"
						+ " VALUES (:topic, :partition, :offset, :at)")
				.param("topic", id.dltTopic())
				.param("partition", id.partition())
				.param("offset", id.offset())
				.param("at", Timestamp.from(at))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new DeadLetterAlreadyReplayedException(id);
		}
	}

}
