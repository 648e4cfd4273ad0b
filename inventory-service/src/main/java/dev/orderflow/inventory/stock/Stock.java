package dev.orderflow.inventory.stock;

/**
 * Stock of one SKU. Units move between {@code available} and {@code reserved}; neither
 * ever goes below zero, so an order can never be promised more than exists.
 */
public final class Stock {

	/**
	 * Largest quantity accepted in one restock, to keep counters far from int overflow.
	 */
	public static final int MAX_RESTOCK = 1_000_000;

	/**
	 * Most units, available and reserved together, one SKU can hold: the largest int, so
	 * that neither counter can overflow when units move between them.
	 */
	public static final int MAX_UNITS = Integer.MAX_VALUE;

	private final String sku;

	private int available;

	private int reserved;

	private final long version;

	public Stock(String sku, int available, int reserved, long version) {
		this.sku = Sku.requireValid(sku);
		if (available < 0 || reserved < 0) {
			throw new IllegalArgumentException("stock of " + sku + " cannot be negative");
		}
		this.available = available;
		this.reserved = reserved;
		this.version = version;
	}

	/** Stock of a SKU that has never been seen before. */
	public static Stock empty(String sku) {
		return new Stock(sku, 0, 0, 0);
	}

	/** Units missing to reserve {@code quantity}; 0 when there are enough. */
	public int shortfall(int quantity) {
		requirePositive(quantity);
		return Math.max(0, quantity - available);
	}

	/** Moves {@code quantity} units from available to reserved. */
	public void reserve(int quantity) {
		int shortfall = shortfall(quantity);
		if (shortfall > 0) {
			throw new IllegalStateException("insufficient stock for SKU %s: requested %d, available %d (short by %d)"
				.formatted(sku, quantity, available, shortfall));
		}
		available -= quantity;
		reserved += quantity;
	}

	/**
	 * Gives {@code quantity} reserved units back to available, e.g. when an order is
	 * cancelled.
	 */
	public void release(int quantity) {
		requirePositive(quantity);
		if (quantity > reserved) {
			throw new IllegalStateException(
					"cannot release %d units of SKU %s: only %d reserved".formatted(quantity, sku, reserved));
		}
		reserved -= quantity;
		available += quantity;
	}

	/** Adds {@code quantity} new units to available. */
	public void restock(int quantity) {
		requirePositive(quantity);
		if (quantity > MAX_RESTOCK) {
			throw new StockLimitExceededException("maxRestockQuantity", MAX_RESTOCK,
					"cannot restock more than " + MAX_RESTOCK + " units at once");
		}
		// reserved units count too: releasing them later must not overflow available
		if ((long) available + reserved + quantity > MAX_UNITS) {
			throw new StockLimitExceededException("maxUnitsPerSku", MAX_UNITS,
					"quantity " + quantity + " would take SKU " + sku + " beyond the " + MAX_UNITS
							+ " units a SKU can hold, available and reserved together");
		}
		available += quantity;
	}

	private static void requirePositive(int quantity) {
		if (quantity <= 0) {
			throw new IllegalArgumentException("quantity must be positive, was " + quantity);
		}
	}

	public String sku() {
		return sku;
	}

	public int available() {
		return available;
	}

	public int reserved() {
		return reserved;
	}

	/** Optimistic version read from the database; {@link Stocks} checks it on update. */
	public long version() {
		return version;
	}

	@Override
	public String toString() {
		return "Stock[sku=%s, available=%d, reserved=%d]".formatted(sku, available, reserved);
	}

}
