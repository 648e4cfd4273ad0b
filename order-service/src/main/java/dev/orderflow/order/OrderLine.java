package dev.orderflow.order;

import org.springframework.util.Assert;

/**
 * One line of an order: a quantity of one SKU.
 */
public record OrderLine(String sku, int quantity) {

	/** Upper bound per line, so that a typo cannot drain the warehouse. */
	public static final int MAX_QUANTITY = 1000;

	/**
	 * Longest SKU; the size of its column, and a bound on every event that carries it.
	 */
	public static final int MAX_SKU_LENGTH = 100;

	public OrderLine {
		Assert.hasText(sku, "sku must not be blank");
		Assert.isTrue(sku.length() <= MAX_SKU_LENGTH, () -> "sku must be at most " + MAX_SKU_LENGTH + " characters");
		Assert.isTrue(quantity >= 1 && quantity <= MAX_QUANTITY,
				() -> "quantity must be between 1 and " + MAX_QUANTITY + " but was " + quantity);
	}

}
