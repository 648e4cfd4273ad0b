package dev.orderflow.eventing.outbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Avro schemas outbox payloads were written with, kept once each in
 * {@code outbox_writer_schema} under the SHA-256 of their JSON. A row names its writer
 * schema, so a relay of any version publishes it exactly as written: during a rolling
 * upgrade old and new instances share one outbox.
 */
public class WriterSchemas {

	private final JdbcClient jdbc;

	private final TransactionTemplate savepoint;

	private final Map<Schema, String> fingerprints = new ConcurrentHashMap<>();

	private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	public WriterSchemas(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.savepoint = new TransactionTemplate(transactions);
		// a savepoint in the caller's transaction, on its own connection: a transaction
		// of its own
		// would need a second connection while the caller holds one, and under load every
		// request
		// would hold one and wait for another (a pool deadlock)
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * The fingerprint of {@code schema}, stored first, in the caller's transaction, if
	 * this database has not seen it yet. Remembered only once that transaction commits: a
	 * rolled-back insert must be made again by the next event of the type.
	 */
	public String store(Schema schema) {
		String known = this.fingerprints.get(schema);
		if (known != null) {
			return known;
		}
		String fingerprint = fingerprint(schema);
		try {
			this.savepoint.executeWithoutResult((status) -> insertIfMissing(fingerprint, schema));
		}
		catch (DuplicateKeyException ex) {
			// another transaction stored the same schema a moment ago: rolled back to the
			// savepoint, same row
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					remember(schema, fingerprint);
				}
			});
		}
		else {
			// no caller's transaction: the savepoint template ran (and committed) one of
			// its own
			remember(schema, fingerprint);
		}
		return fingerprint;
	}

	private void remember(Schema schema, String fingerprint) {
		this.fingerprints.put(schema, fingerprint);
		this.schemas.put(fingerprint, schema);
	}

	/** The schema stored under {@code fingerprint}, if any. */
	public Optional<Schema> find(String fingerprint) {
		Schema cached = this.schemas.get(fingerprint);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<Schema> stored = this.jdbc
			.sql("SELECT schema_json FROM outbox_writer_schema WHERE fingerprint = :fingerprint")
			.param("fingerprint", fingerprint)
			.query(String.class)
			.optional()
			.map((json) -> new Schema.Parser().parse(json));
		stored.ifPresent((schema) -> this.schemas.put(fingerprint, schema));
		return stored;
	}

	private void insertIfMissing(String fingerprint, Schema schema) {
		boolean present = this.jdbc.sql("SELECT COUNT(*) FROM outbox_writer_schema WHERE fingerprint = :fingerprint")
			.param("fingerprint", fingerprint)
			.query(Long.class)
			.single() > 0;
		if (present) {
			return;
		}
		this.jdbc.sql("INSERT INTO outbox_writer_schema (fingerprint, schema_json) VALUES (:fingerprint, :json)")
			.param("fingerprint", fingerprint)
			.param("json", schema.toString())
			.update();
	}

	static String fingerprint(Schema schema) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(schema.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
