package dev.orderflow.eventing.h2;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.eventing.support.PeriodicTask;

/**
 * Does for an embedded H2 file database what H2's background writer would: rewrites the
 * live pages of mostly empty chunks so that the chunks can be freed and their space
 * reused (ADR 0017).
 * <p>
 * The services open H2 with {@code WRITE_DELAY=0} so that a commit is in the file before
 * it returns (a killed process keeps what it announced). That setting also stops H2's
 * background writer, the only thread that compacts the store; every commit then appends a
 * chunk, and a chunk that keeps a single live page is never freed. The 100,000-order soak
 * grew order-service's file to 3.6 GiB though its tables held a few MiB. Every
 * {@code interval} this compacts a bounded amount (the same call the background writer
 * makes, under H2's store lock, skipped while another thread holds it), and shortens H2's
 * retention of emptied chunks to {@code retention}.
 * <p>
 * Nothing happens for PostgreSQL, an H2 server or an in-memory H2 database.
 */
public class H2FileCompaction extends PeriodicTask {

	private static final Logger log = LoggerFactory.getLogger(H2FileCompaction.class);

	/**
	 * Chunks whose live share is below this are rewritten (H2's own auto-compact
	 * threshold).
	 */
	private static final int TARGET_FILL_RATE = 90;

	/**
	 * Live bytes rewritten per step at most, so a step holds the store lock for
	 * milliseconds.
	 */
	private static final int WRITE_LIMIT = 4 * 1024 * 1024;

	private final DataSource dataSource;

	private final H2CompactionProperties properties;

	private volatile MVStore store;

	public H2FileCompaction(DataSource dataSource, H2CompactionProperties properties) {
		super("h2-compaction", "H2 compaction");
		this.dataSource = dataSource;
		this.properties = properties;
	}

	/**
	 * One compaction step on the database's store, found through a connection of the pool
	 * the first time (and again after the database was closed and opened anew).
	 * @return whether the database is an embedded H2 file database, i.e. whether to go on
	 */
	public boolean compact() {
		MVStore current = this.store;
		if (current == null || current.isClosed()) {
			Optional<MVStore> found = fileStore();
			if (found.isEmpty()) {
				return false;
			}
			current = found.get();
			current.setRetentionTime((int) this.properties.retention().toMillis());
			if (this.store == null) {
				log.info("Compacting H2 file {} every {}, emptied chunks kept {}", current.getFileStore().getFileName(),
						this.properties.interval(), this.properties.retention());
			}
			this.store = current;
		}
		if (current.compact(TARGET_FILL_RATE, WRITE_LIMIT)) {
			// write the moved pages now, from this thread: else the next transaction's
			// commit writes them, on a request or listener thread, which then keeps a
			// direct buffer the size of that chunk (ServiceJvm in dev-stack)
			current.tryCommit();
		}
		closeGaps(current);
		return true;
	}

	/**
	 * Moves chunks from the end of the file into the free gaps between chunks, so that
	 * the file can be truncated: rewriting chunks frees their blocks, but a new chunk
	 * goes where it fits, often at the end. H2's background writer does the same move
	 * when the file is less than {@value #TARGET_FILL_RATE}% in use. It gives the space
	 * of the gaps back ({@code H2FileCompactionTest}); the unused space that grew with
	 * the live data in the 100,000-order soaks lies inside chunks, which this does not
	 * reach (ADR 0017, "closing the gaps").
	 */
	private void closeGaps(MVStore current) {
		if (current.getFileStore() instanceof RandomAccessStore file && file.getFillRate() < TARGET_FILL_RATE) {
			// 101: move whatever the file's fill rate, the check above decided already
			file.compactMoveChunks(101, WRITE_LIMIT, current);
		}
	}

	private Optional<MVStore> fileStore() {
		try (Connection connection = this.dataSource.getConnection()) {
			if (!connection.isWrapperFor(JdbcConnection.class)
					|| !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
				return Optional.empty();
			}
			MVStore mvStore = session.getDatabase().getStore().getMvStore();
			return (mvStore.getFileStore() != null) ? Optional.of(mvStore) : Optional.empty();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not open a connection to find the H2 store", ex);
		}
	}

	/**
	 * Size of the database file in bytes, for the {@code orderflow.h2.file.size} gauge;
	 * NaN before the first compaction step found the store (or for another database).
	 */
	public double fileBytes() {
		MVStore current = this.store;
		return (current != null && !current.isClosed()) ? current.getFileStore().size() : Double.NaN;
	}

	/**
	 * Bytes of the file that hold live pages, for the {@code orderflow.h2.live.data}
	 * gauge: the file's size times the share of it in chunks times the live share of
	 * those chunks (H2 reports both in whole percent). The rest of the file is what
	 * compaction has yet to give back; the live data is the tables' content, which grows
	 * with the orders a service keeps.
	 */
	public double liveBytes() {
		MVStore current = this.store;
		if (current == null || current.isClosed()) {
			return Double.NaN;
		}
		FileStore<?> file = current.getFileStore();
		return file.size() * (file.getFillRate() / 100.0) * (file.getChunksFillRate() / 100.0);
	}

	@Override
	protected Duration interval() {
		return this.properties.interval();
	}

	@Override
	protected void runRound() {
		if (!compact()) {
			log.debug("Not an embedded H2 file database: no compaction");
			endSchedule();
		}
	}

	// the next step finds the store again (a closed database, a pool without connections)
	@Override
	protected void afterFailedRound() {
		this.store = null;
	}

	@Override
	public boolean isAutoStartup() {
		return this.properties.enabled();
	}

}
