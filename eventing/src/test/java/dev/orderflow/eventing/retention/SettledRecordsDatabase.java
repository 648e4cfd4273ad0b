package dev.orderflow.eventing.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import dev.orderflow.eventing.postgres.EmbeddedPostgresServer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A service's schema on H2 or on the shared embedded PostgreSQL, migrated by its own
 * {@code db/migration} scripts (none in eventing's own tests), and a
 * {@link SettledRecordsPurge} over it with a fixed clock: what the retention tests start
 * from (ADR 0021).
 */
public final class SettledRecordsDatabase {

	/** The settled-order retention of every test. */
	public static final Duration RETENTION = Duration.ofMinutes(2);

	/** The inbox retention of every test, kept on top by the downstream services. */
	public static final Duration REDELIVERY_WINDOW = Duration.ofMinutes(3);

	private final DataSource dataSource;

	private SettledRecordsDatabase(DataSource dataSource) {
		this.dataSource = dataSource;
		Flyway.configure().dataSource(dataSource).load().migrate();
	}

	/** An in-memory H2 database of its own, kept until the JVM ends. */
	public static SettledRecordsDatabase h2() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		return new SettledRecordsDatabase(h2);
	}

	/** A new database on the shared embedded PostgreSQL server. */
	public static SettledRecordsDatabase postgres() {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.shared();
		PGSimpleDataSource postgres = new PGSimpleDataSource();
		postgres.setURL(server.jdbcUrl(server.createDatabase("retention")));
		postgres.setUser(EmbeddedPostgresServer.USERNAME);
		return new SettledRecordsDatabase(postgres);
	}

	public JdbcClient jdbc() {
		return JdbcClient.create(this.dataSource);
	}

	/**
	 * Runs one purge of {@code records} as the service would at {@code now}, with
	 * {@link #RETENTION}, {@link #REDELIVERY_WINDOW} and batches of {@code batchSize}.
	 * @return how many rows it deleted (not counting dependents)
	 */
	public long purgeAt(Instant now, int batchSize, SettledRecords... records) {
		return purgeAt(now, batchSize, () -> {
		}, records);
	}

	/**
	 * The same, running {@code afterFirstFind} once between the purge's first two
	 * transactions: after it found a batch, before it deletes it.
	 */
	public long purgeAt(Instant now, int batchSize, Runnable afterFirstFind, SettledRecords... records) {
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		AtomicInteger transactionsRun = new AtomicInteger();
		TransactionOperations interleaved = new TransactionOperations() {
			@Override
			public <T> T execute(TransactionCallback<T> action) {
				if (transactionsRun.incrementAndGet() == 2) {
					afterFirstFind.run();
				}
				return transactions.execute(action);
			}
		};
		return new SettledRecordsPurge(List.of(records), jdbc(), interleaved, Clock.fixed(now, ZoneOffset.UTC),
				new RetentionProperties(RETENTION, Duration.ofMinutes(10), batchSize), REDELIVERY_WINDOW)
			.purge();
	}

}
