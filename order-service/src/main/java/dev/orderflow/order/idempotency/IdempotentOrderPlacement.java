package dev.orderflow.order.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.orderflow.order.Order;
import dev.orderflow.order.OrderLine;
import dev.orderflow.order.OrderService;
import dev.orderflow.order.idempotency.IdempotencyKeys.StoredKey;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places an order at most once per {@code Idempotency-Key}. The key is stored with a hash
 * of the request in the same transaction as the order, so either both exist or neither.
 */
@Service
public class IdempotentOrderPlacement {

	private final OrderService orderService;

	private final IdempotencyKeys keys;

	private final TransactionTemplate transaction;

	IdempotentOrderPlacement(OrderService orderService, IdempotencyKeys keys, TransactionTemplate transaction) {
		this.orderService = orderService;
		this.keys = keys;
		this.transaction = transaction;
	}

	/**
	 * Places the order, or returns the one this key already placed.
	 * @throws IdempotencyKeyReusedException if the key came with a different request
	 */
	public Placement place(String key, String customerId, String customerEmail, List<OrderLine> lines) {
		String hash = fingerprint(customerId, customerEmail, lines);
		try {
			return this.transaction.execute((status) -> placeOnce(key, hash, customerId, customerEmail, lines));
		}
		catch (DuplicateKeyException raced) {
			// A concurrent request with the same key committed first and our transaction
			// rolled
			// back; now its key is visible, so this attempt replays it (or refuses a
			// mismatch).
			return this.transaction.execute((status) -> placeOnce(key, hash, customerId, customerEmail, lines));
		}
	}

	private Placement placeOnce(String key, String hash, String customerId, String customerEmail,
			List<OrderLine> lines) {
		Optional<StoredKey> stored = this.keys.find(key);
		if (stored.isPresent()) {
			if (!stored.get().requestHash().equals(hash)) {
				throw new IdempotencyKeyReusedException(key);
			}
			return new Placement(this.orderService.find(stored.get().orderId()), true);
		}
		Order order = this.orderService.place(customerId, customerEmail, lines);
		this.keys.remember(key, hash, order.id());
		return new Placement(order, false);
	}

	private static String fingerprint(String customerId, String customerEmail, List<OrderLine> lines) {
		StringBuilder canonical = new StringBuilder().append(customerId).append('\0').append(customerEmail);
		lines.forEach((line) -> canonical.append('\0').append(line.sku()).append('\0').append(line.quantity()));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

	/**
	 * The order a request resulted in.
	 *
	 * @param order the order
	 * @param replayed {@code true} if an earlier request with the same key placed it
	 */
	public record Placement(Order order, boolean replayed) {
	}

}
