package dev.orderflow.order;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.util.Assert;

/**
 * The order aggregate: it owns its status and allows only the saga's transitions,
 * {@code PENDING → CONFIRMED | REJECTED} and {@code PENDING | CONFIRMED → CANCELLED}.
 * <p>
 * A cancel is two-step: {@link #requestCancel()} records the customer's wish (inventory
 * must release what it holds first) and {@link #cancelled()} completes it once the
 * release is confirmed. While a cancel is pending, a late reservation or rejection no
 * longer applies, because the release that follows it settles the order.
 */
public final class Order {

	/**
	 * Longest customer id; the size of its column, and a bound on every event that
	 * carries it.
	 */
	public static final int MAX_CUSTOMER_ID_LENGTH = 200;

	/**
	 * Longest notification address (RFC 5321 allows 320 characters); the size of its
	 * column.
	 */
	public static final int MAX_CUSTOMER_EMAIL_LENGTH = 320;

	private final UUID id;

	private final String customerId;

	private final String customerEmail;

	private final List<OrderLine> lines;

	private final Instant createdAt;

	private final List<OrderHistoryEntry> history;

	private final long version;

	private OrderStatus status;

	private String reason;

	private boolean cancelRequested;

	private Instant updatedAt;

	private Order(UUID id, String customerId, String customerEmail, List<OrderLine> lines, OrderStatus status,
			String reason, boolean cancelRequested, Instant createdAt, Instant updatedAt,
			List<OrderHistoryEntry> history, long version) {
		this.id = id;
		this.customerId = customerId;
		this.customerEmail = customerEmail;
		this.lines = List.copyOf(lines);
		this.status = status;
		this.reason = reason;
		this.cancelRequested = cancelRequested;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.history = new ArrayList<>(history);
		this.version = version;
	}

	/**
	 * Places a new, {@link OrderStatus#PENDING} order.
	 * @throws IllegalArgumentException when a field is blank or too long, there are no
	 * lines or two lines share a SKU
	 */
	public static Order place(String customerId, String customerEmail, List<OrderLine> lines) {
		Assert.hasText(customerId, "customerId must not be blank");
		Assert.isTrue(customerId.length() <= MAX_CUSTOMER_ID_LENGTH,
				() -> "customerId must be at most " + MAX_CUSTOMER_ID_LENGTH + " characters");
		Assert.hasText(customerEmail, "customerEmail must not be blank");
		Assert.isTrue(customerEmail.length() <= MAX_CUSTOMER_EMAIL_LENGTH,
				() -> "customerEmail must be at most " + MAX_CUSTOMER_EMAIL_LENGTH + " characters");
		Assert.notEmpty(lines, "an order needs at least one line");
		assertDistinctSkus(lines);
		Instant now = now();
		return new Order(UUID.randomUUID(), customerId, customerEmail, lines, OrderStatus.PENDING, null, false, now,
				now, List.of(OrderHistoryEntry.status(OrderStatus.PENDING, now, OrderHistoryEntry.API)), 0);
	}

	/** Rebuilds an order from storage; no invariant is re-checked. */
	static Order restore(UUID id, String customerId, String customerEmail, List<OrderLine> lines, OrderStatus status,
			String reason, boolean cancelRequested, Instant createdAt, Instant updatedAt,
			List<OrderHistoryEntry> history, long version) {
		return new Order(id, customerId, customerEmail, lines, status, reason, cancelRequested, createdAt, updatedAt,
				history, version);
	}

	/**
	 * Inventory reserved every line.
	 * @return {@code true} if the order is now CONFIRMED; {@code false} if a cancel is
	 * pending, so the order waits for the release instead
	 * @throws IllegalOrderTransitionException unless the order is PENDING
	 */
	public boolean confirm() {
		requireStatus(OrderStatus.PENDING, "confirmed");
		if (this.cancelRequested) {
			record(OrderHistoryEntry.event("StockReserved", now(), OrderHistoryEntry.INVENTORY));
			return false;
		}
		moveTo(OrderStatus.CONFIRMED, OrderHistoryEntry.INVENTORY);
		return true;
	}

	/**
	 * Inventory could not reserve every line.
	 * @return {@code true} if the order is now REJECTED with the reason; {@code false} if
	 * a cancel is pending, so the order waits for the release instead
	 * @throws IllegalOrderTransitionException unless the order is PENDING
	 */
	public boolean reject(String reason) {
		requireStatus(OrderStatus.PENDING, "rejected");
		if (this.cancelRequested) {
			record(OrderHistoryEntry.event("StockRejected", now(), OrderHistoryEntry.INVENTORY));
			return false;
		}
		this.reason = (reason == null || reason.isBlank()) ? "rejected by inventory" : reason;
		moveTo(OrderStatus.REJECTED, OrderHistoryEntry.INVENTORY);
		return true;
	}

	/**
	 * One of the order's events could never be published (too large, refused by the
	 * schema registry) and was set aside. An order whose OrderPlaced never left is
	 * REJECTED with the reason, so the customer learns it will not be processed;
	 * otherwise the step is recorded.
	 * @return {@code true} if the order is now REJECTED
	 */
	public boolean eventSetAside(String eventType, String reason) {
		if (this.status == OrderStatus.PENDING && "OrderPlaced".equals(eventType)) {
			String cause = (reason.length() > 800) ? reason.substring(0, 800) + "..." : reason;
			this.reason = "not processed: the order could not be passed on to inventory (" + cause + ")";
			moveTo(OrderStatus.REJECTED, OrderHistoryEntry.OUTBOX);
			return true;
		}
		record(OrderHistoryEntry.event(eventType + "SetAside", now(), OrderHistoryEntry.OUTBOX));
		return false;
	}

	/**
	 * The customer wants to cancel. The order stays in its status until inventory has
	 * released the stock, see {@link #cancelled()}.
	 * @return {@code true} for a new request; {@code false} if one is already pending
	 * @throws IllegalOrderTransitionException if the order is REJECTED or CANCELLED
	 */
	public boolean requestCancel() {
		if (this.status.isFinal()) {
			throw new IllegalOrderTransitionException(this.id, this.status, "cancelled");
		}
		if (this.cancelRequested) {
			return false;
		}
		this.cancelRequested = true;
		record(OrderHistoryEntry.event("CancelRequested", now(), OrderHistoryEntry.API));
		return true;
	}

	/**
	 * Inventory released the stock of a cancel request: the order is CANCELLED.
	 * @throws IllegalOrderTransitionException if no cancel was requested or the order is
	 * already REJECTED or CANCELLED
	 */
	public void cancelled() {
		if (!this.cancelRequested || this.status.isFinal()) {
			throw new IllegalOrderTransitionException(this.id, this.status,
					this.cancelRequested ? "cancelled" : "cancelled without a cancel request");
		}
		moveTo(OrderStatus.CANCELLED, OrderHistoryEntry.INVENTORY);
	}

	private void requireStatus(OrderStatus expected, String attempted) {
		if (this.status != expected) {
			throw new IllegalOrderTransitionException(this.id, this.status, attempted);
		}
	}

	private void moveTo(OrderStatus next, String source) {
		this.status = next;
		record(OrderHistoryEntry.status(next, now(), source));
	}

	private void record(OrderHistoryEntry entry) {
		this.history.add(entry);
		this.updatedAt = entry.at();
	}

	private static void assertDistinctSkus(List<OrderLine> lines) {
		Set<String> skus = new HashSet<>();
		for (OrderLine line : lines) {
			Assert.isTrue(skus.add(line.sku()), () -> "duplicate line for SKU " + line.sku());
		}
	}

	// Millisecond precision: what Avro's timestamp-millis and every database keep alike.
	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	public UUID id() {
		return this.id;
	}

	public String customerId() {
		return this.customerId;
	}

	public String customerEmail() {
		return this.customerEmail;
	}

	public List<OrderLine> lines() {
		return this.lines;
	}

	public OrderStatus status() {
		return this.status;
	}

	/**
	 * Why the order was rejected (by inventory, or as undeliverable); {@code null} unless
	 * REJECTED.
	 */
	public String reason() {
		return this.reason;
	}

	public boolean isCancelRequested() {
		return this.cancelRequested;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	/** Every step so far, oldest first. */
	public List<OrderHistoryEntry> history() {
		return List.copyOf(this.history);
	}

	/** Optimistic-lock version as last read from storage; 0 for a new order. */
	long version() {
		return this.version;
	}

}
