package dev.orderflow.inventory.stock;

/**
 * A restock goes beyond one of {@link Stock}'s limits; carries the limit's name and value
 * so that the API can tell the client which one.
 */
public class StockLimitExceededException extends IllegalArgumentException {

	private final String limit;

	private final long max;

	StockLimitExceededException(String limit, long max, String message) {
		super(message);
		this.limit = limit;
		this.max = max;
	}

	/** The limit's name, e.g. {@code maxUnitsPerSku}. */
	public String limit() {
		return this.limit;
	}

	public long max() {
		return this.max;
	}

}
