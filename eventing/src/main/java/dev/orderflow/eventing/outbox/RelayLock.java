package dev.orderflow.eventing.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lock that lets one relay at a time publish, however many instances share the
 * database: a row of {@code outbox_relay_lock} taken with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} inside the batch's transaction. It is held
 * exactly as long as that transaction, and a relay that dies takes it with its
 * connection, so no lease has to expire before another takes over. H2 and PostgreSQL both
 * have {@code SKIP LOCKED}: a relay that finds the row taken gets no row back at once
 * instead of waiting.
 */
class RelayLock {

	private final JdbcClient jdbc;

	RelayLock(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes the lock for the rest of the caller's transaction (it must run in one), or
	 * answers false if another relay holds it.
	 */
	boolean tryAcquire() {
		return !this.jdbc.sql("SELECT name FROM outbox_relay_lock WHERE name = 'relay' FOR UPDATE SKIP LOCKED")
			.query(String.class)
			.list()
			.isEmpty();
	}

}
