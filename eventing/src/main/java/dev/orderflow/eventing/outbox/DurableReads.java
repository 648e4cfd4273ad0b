package dev.orderflow.eventing.outbox;

import java.sql.DatabaseMetaData;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Makes sure that what the relay read from the outbox is on disk before it leaves for
 * Kafka.
 * <p>
 * Why: H2 makes a commit visible to other sessions a moment <em>before</em> it writes it
 * to its file (the committing session marks the transaction committed, then waits for the
 * store's lock and writes). A relay that reads an event in that moment and publishes it,
 * in a process that is killed right then, has published an event whose transaction the
 * restarted service no longer has: the inbox row, the order's new state and the outbox
 * row are gone, the inventory answer is redelivered and the order gets a second outcome
 * under a new event id. The fault test saw it (four orders confirmed twice around a
 * SIGKILL of order-service); {@code H2VisibleBeforeDurableTest} shows the mechanism on H2
 * alone.
 * <p>
 * On H2, {@code CHECKPOINT} waits for the store's lock and writes whatever is not on disk
 * yet (a no-op when everything is); it does not end the relay's transaction, so the relay
 * lock is kept. PostgreSQL makes a commit visible only after its WAL record is flushed
 * (with {@code synchronous_commit=on}, its default), so nothing has to be done there;
 * with {@code synchronous_commit=off} PostgreSQL has the same window and the outbox is
 * at-most-once for the last commits before a crash.
 */
final class DurableReads {

	private final JdbcClient jdbc;

	private final boolean h2;

	private DurableReads(JdbcClient jdbc, boolean h2) {
		this.jdbc = jdbc;
		this.h2 = h2;
	}

	/**
	 * For the database behind {@code dataSource}. On H2 it checks at once that the user
	 * may run {@code CHECKPOINT} (H2 asks for ADMIN), so a service without the right
	 * fails at start with this reason instead of a relay that fails every round.
	 */
	static DurableReads of(DataSource dataSource, JdbcClient jdbc) {
		DurableReads reads = new DurableReads(jdbc, isH2(dataSource));
		try {
			reads.beforePublishing();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(
					"The outbox relay runs CHECKPOINT on H2 so that it publishes only what is on"
							+ " disk, and H2 refused it (the database user needs ADMIN): " + ex.getMessage(),
					ex);
		}
		return reads;
	}

	/** Returns once every commit the caller can see is on disk. */
	void beforePublishing() {
		if (this.h2) {
			this.jdbc.sql("CHECKPOINT").update();
		}
	}

	private static boolean isH2(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return product.toLowerCase(Locale.ROOT).contains("h2");
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database the outbox is in", ex);
		}
	}

}
