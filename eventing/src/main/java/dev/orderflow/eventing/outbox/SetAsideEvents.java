package dev.orderflow.eventing.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The events set aside by the relay ({@code outbox_set_aside}): moved out of
 * {@code outbox_event} with their reason, so they no longer block anyone, and kept for
 * operators (the dead-letter API lists them).
 */
public class SetAsideEvents {

	private static final int MAX_REASON = 2000;

	private final JdbcClient jdbc;

	public SetAsideEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Moves an outbox row here, in the caller's transaction. */
	void setAside(long outboxId, String reason, Instant now) {
		this.jdbc
			.sql("""
					INSERT INTO outbox_set_aside (id, topic, record_key, event_type, payload, writer_schema, trace_context,
					    created_at, set_aside_at, reason)
					SELECT id, topic, record_key, event_type, payload, writer_schema, trace_context, created_at, :now, :reason
					FROM outbox_event WHERE id = :id""")
			.param("id", outboxId)
			.param("now", Timestamp.from(now))
			.param("reason", (reason.length() > MAX_REASON) ? reason.substring(0, MAX_REASON) : reason)
			.update();
		this.jdbc.sql("DELETE FROM outbox_event WHERE id = :id").param("id", outboxId).update();
	}

	/**
	 * Which of {@code keys} have an event set aside: their later events must wait behind
	 * it.
	 */
	Set<String> keysAmong(Collection<String> keys) {
		if (keys.isEmpty()) {
			return new HashSet<>();
		}
		return new HashSet<>(
				this.jdbc.sql("SELECT DISTINCT record_key FROM outbox_set_aside WHERE record_key IN (:keys)")
					.param("keys", keys)
					.query(String.class)
					.list());
	}

	/** The set-aside events, oldest first, at most {@code limit}. */
	public List<SetAsideEvent> list(int limit) {
		return this.jdbc.sql("""
				SELECT id, topic, record_key, event_type, created_at, set_aside_at, reason
				FROM outbox_set_aside ORDER BY id FETCH FIRST :n ROWS ONLY""")
			.param("n", limit)
			.query((rs, row) -> new SetAsideEvent(rs.getLong("id"), rs.getString("topic"), rs.getString("record_key"),
					rs.getString("event_type"), rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("set_aside_at").toInstant(), rs.getString("reason")))
			.list();
	}

	/** How many events are set aside. */
	public long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM outbox_set_aside").query(Long.class).single();
	}

}
