package dev.orderflow.order.idempotency;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The idempotency keys seen so far, each with the hash of its request and the order it
 * created. The key is the primary key, so two racing requests cannot both store it.
 */
@Repository
class IdempotencyKeys {

	private final JdbcClient jdbc;

	IdempotencyKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredKey> find(String key) {
		return this.jdbc.sql("select request_hash, order_id from idempotency_key where idempotency_key = :key")
			.param("key", key)
			.query((rs, n) -> new StoredKey(rs.getString("request_hash"), UUID.fromString(rs.getString("order_id"))))
			.optional();
	}

	/**
	 * @throws org.springframework.dao.DuplicateKeyException if another request stored the
	 * key first
	 */
	void remember(String key, String requestHash, UUID orderId) {
		this.jdbc.sql("""
				insert into idempotency_key (idempotency_key, request_hash, order_id, created_at)
				values (:key, :hash, :orderId, :createdAt)""")
			.param("key", key)
			.param("hash", requestHash)
			.param("orderId", orderId.toString())
			.param("createdAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC))
			.update();
	}

	record StoredKey(String requestHash, UUID orderId) {
	}

}
