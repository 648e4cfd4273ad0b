package dev.orderflow.eventing.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Why the relay flushes H2 before it publishes ({@link DurableReads}), on a real H2 file.
 * What a crash would leave is read from a copy of the file taken at that moment: the copy
 * is opened as a restart opens the file. To hold a commit in the state "visible, not yet
 * on disk", the test takes H2's store lock itself, as a session busy writing a commit
 * holds it.
 */
class DurableReadsTest {

	@TempDir
	Path dir;

	private JdbcDataSource h2;

	private Connection writer;

	private Connection relay;

	private ReentrantLock storeLock;

	@BeforeEach
	void openDatabase() throws Exception {
		this.h2 = new JdbcDataSource();
		this.h2.setURL("jdbc:h2:file:" + this.dir.resolve("service") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
		this.h2.setUser("sa");
		this.writer = this.h2.getConnection();
		this.writer.createStatement().execute("CREATE TABLE outbox_event (id INT PRIMARY KEY)");
		this.relay = this.h2.getConnection();
		this.storeLock = storeLockOf(this.writer);
	}

	@AfterEach
	void closeDatabase() throws SQLException {
		if (this.storeLock.isHeldByCurrentThread()) {
			this.storeLock.unlock();
		}
		this.relay.close();
		this.writer.close();
	}

	@Test
	void onH2ACommitIsVisibleToOtherSessionsBeforeItIsOnDisk() throws Exception {
		CompletableFuture<Void> commit = commitWhileTheStoreIsBusy();

		assertThat(rowsSeenBy(this.relay)).as("what the relay reads").isEqualTo(1);
		assertThat(rowsAfterACrash()).as("what a crash right now would leave").isZero();
		assertThat(commit).as("the writer's commit").isNotDone();

		this.storeLock.unlock();
		commit.get(10, TimeUnit.SECONDS);
		assertThat(rowsAfterACrash()).as("after the writer's commit returned").isEqualTo(1);
	}

	@Test
	void whatTheRelayReadIsOnDiskOnceBeforePublishingReturns() throws Exception {
		DurableReads durableReads = DurableReads.of(new SingleConnectionDataSource(this.relay, true),
				JdbcClient.create(new SingleConnectionDataSource(this.relay, true)));
		CompletableFuture<Void> commit = commitWhileTheStoreIsBusy();
		assertThat(rowsSeenBy(this.relay)).isEqualTo(1);

		CompletableFuture<Void> flush = CompletableFuture.runAsync(durableReads::beforePublishing);
		Thread.sleep(200);
		assertThat(flush).as("waits for the store that is busy").isNotDone();
		this.storeLock.unlock();
		flush.get(10, TimeUnit.SECONDS);

		assertThat(rowsAfterACrash()).as("what a crash right after the flush would leave").isEqualTo(1);
		commit.get(10, TimeUnit.SECONDS);
	}

	@Test
	void aUserWithoutAdminStopsTheServiceAtStartWithTheReason() throws Exception {
		this.writer.createStatement().execute("CREATE USER app PASSWORD 'app'");
		JdbcDataSource asApp = new JdbcDataSource();
		// without WRITE_DELAY in the URL: setting it needs ADMIN too
		asApp.setURL("jdbc:h2:file:" + this.dir.resolve("service") + ";DB_CLOSE_ON_EXIT=FALSE");
		try (Connection app = asApp.getConnection("app", "app")) {
			SingleConnectionDataSource dataSource = new SingleConnectionDataSource(app, true);
			assertThatIllegalStateException()
				.isThrownBy(() -> DurableReads.of(dataSource, JdbcClient.create(dataSource)))
				.withMessageContaining("ADMIN");
		}
	}

	/**
	 * Commits a row on the writer's connection while the store lock is taken: it becomes
	 * visible, then waits.
	 */
	private CompletableFuture<Void> commitWhileTheStoreIsBusy() throws InterruptedException {
		this.storeLock.lock();
		CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> {
			try {
				this.writer.setAutoCommit(false);
				this.writer.createStatement().execute("INSERT INTO outbox_event VALUES (1)");
				this.writer.commit();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!this.storeLock.hasQueuedThreads() && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(this.storeLock.hasQueuedThreads()).as("the writer's commit waits for the store").isTrue();
		return commit;
	}

	private static long rowsSeenBy(Connection connection) throws SQLException {
		var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM outbox_event");
		rows.next();
		return rows.getLong(1);
	}

	private long rowsAfterACrash() throws IOException, SQLException {
		Path copy = this.dir.resolve("crashed-" + System.nanoTime());
		Files.createDirectories(copy);
		Files.copy(this.dir.resolve("service.mv.db"), copy.resolve("service.mv.db"));
		JdbcDataSource restarted = new JdbcDataSource();
		restarted.setURL("jdbc:h2:file:" + copy.resolve("service"));
		restarted.setUser("sa");
		try (Connection connection = restarted.getConnection()) {
			return rowsSeenBy(connection);
		}
		finally {
			FileSystemUtils.deleteRecursively(copy);
		}
	}

	private static ReentrantLock storeLockOf(Connection connection) throws ReflectiveOperationException {
		MVStore store = ((SessionLocal) ((JdbcConnection) connection).getSession()).getDatabase()
			.getStore()
			.getMvStore();
		var field = MVStore.class.getDeclaredField("storeLock");
		field.setAccessible(true);
		return (ReentrantLock) field.get(store);
	}

}
