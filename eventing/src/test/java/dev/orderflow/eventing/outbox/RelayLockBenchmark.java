package dev.orderflow.eventing.outbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import dev.orderflow.eventing.postgres.EmbeddedPostgresServer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the relay lock costs (ADR 0012), on H2 in file mode and on PostgreSQL: a
 * transaction that writes a row, as a batch's transaction does (it deletes the rows it
 * published), against the same transaction that also takes {@link RelayLock}. The relay
 * takes the lock once per batch of up to 200 events, inside that transaction, so the
 * difference is the lock's whole cost. A benchmark, not a test: its name keeps it out of
 * {@code ./mvnw verify}; run it with
 * {@code ./mvnw -q -pl eventing -am test -Dtest=RelayLockBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the figures it prints.
 */
class RelayLockBenchmark {

	private static final int WARMUP = 2_000;

	private static final int MEASURED = 10_000;

	private static final int ROUNDS = 3;

	private static final int BATCH = 200;

	@Test
	void h2() {
		JdbcDataSource h2 = new JdbcDataSource();
		Path file = Path.of("target", "relay-lock-benchmark", "h2").toAbsolutePath();
		h2.setURL("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
		h2.setUser("sa");
		measure("H2 (file)", h2);
	}

	@Test
	void postgres() {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.shared();
		PGSimpleDataSource postgres = new PGSimpleDataSource();
		postgres.setURL(server.jdbcUrl(server.createDatabase("relay_lock_benchmark")));
		postgres.setUser(EmbeddedPostgresServer.USERNAME);
		measure("PostgreSQL", postgres);
	}

	private static void measure(String engine, DataSource target) {
		Flyway.configure().dataSource(target).locations("classpath:db/eventing").load().migrate();
		// one connection, as the relay's transaction holds one: the pool is not what is
		// measured
		SingleConnectionDataSource connection = new SingleConnectionDataSource(connect(target), true);
		try {
			TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(connection));
			JdbcClient jdbc = JdbcClient.create(connection);
			RelayLock lock = new RelayLock(jdbc);
			jdbc.sql("CREATE TABLE IF NOT EXISTS relay_lock_benchmark (id BIGINT PRIMARY KEY, n BIGINT NOT NULL)")
				.update();
			jdbc.sql("DELETE FROM relay_lock_benchmark").update();
			jdbc.sql("INSERT INTO relay_lock_benchmark (id, n) VALUES (1, 0)").update();
			Consumer<JdbcClient> write = (
					client) -> client.sql("UPDATE relay_lock_benchmark SET n = n + 1 WHERE id = 1").update();
			Consumer<JdbcClient> lockedWrite = (client) -> {
				assertThat(lock.tryAcquire()).isTrue();
				write.accept(client);
			};
			// alternating rounds, the best of each: a busy machine only ever makes a
			// round slower
			double writeMs = Double.MAX_VALUE;
			double lockedMs = Double.MAX_VALUE;
			for (int round = 0; round < ROUNDS; round++) {
				writeMs = Math.min(writeMs, perTransaction(transactions, jdbc, write));
				lockedMs = Math.min(lockedMs, perTransaction(transactions, jdbc, lockedWrite));
			}
			double lockMs = lockedMs - writeMs;
			System.out.printf("%-11s a writing transaction %.3f ms, the same with the relay lock %.3f ms: the lock adds"
					+ " %.3f ms per batch, %.2f µs per event at %d events a batch (best of %d rounds of %d transactions,"
					+ " each after %d warm-up)%n", engine, writeMs, lockedMs, lockMs, lockMs * 1000 / BATCH, BATCH,
					ROUNDS, MEASURED, WARMUP);
		}
		finally {
			connection.destroy();
		}
	}

	private static Connection connect(DataSource target) {
		try {
			return target.getConnection();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot connect to the benchmark's database", ex);
		}
	}

	private static double perTransaction(TransactionTemplate transactions, JdbcClient jdbc, Consumer<JdbcClient> work) {
		for (int i = 0; i < WARMUP; i++) {
			transactions.executeWithoutResult((status) -> work.accept(jdbc));
		}
		long start = System.nanoTime();
		for (int i = 0; i < MEASURED; i++) {
			transactions.executeWithoutResult((status) -> work.accept(jdbc));
		}
		return (System.nanoTime() - start) / 1e6 / MEASURED;
	}

}
