package dev.orderflow.inventory.reservation;

/**
 * Why an order could not be reserved.
 *
 * @param code the reason as a closed set
 * @param reason human-readable explanation
 * @param sku the first SKU to blame, or {@code null}
 * @param shortfall units missing for that SKU when stock is short, or {@code null}
 */
public record Rejection(Code code, String reason, String sku, Integer shortfall) {

	static Rejection unknownSku(String sku) {
		return new Rejection(Code.UNKNOWN_SKU, "unknown SKU: " + sku, sku, null);
	}

	static Rejection insufficientStock(String sku, long requested, int available, int shortfall) {
		return new Rejection(Code.INSUFFICIENT_STOCK,
				"insufficient stock for SKU %s: requested %d, available %d (short by %d)".formatted(sku, requested,
						available, shortfall),
				sku, shortfall);
	}

	static Rejection invalidOrder(String reason, String sku) {
		return new Rejection(Code.OTHER, reason, sku, null);
	}

	/** The closed set of rejection reasons. */
	public enum Code {

		UNKNOWN_SKU, INSUFFICIENT_STOCK, OTHER

	}

}
