package dev.orderflow.order;

import org.springframework.util.Assert;

/**
 * One line of an order: a quantity of one SKU.
 */
public record OrderLine(String sku, int quantity) {

	/** Upper bound per line, so that a typo cannot drain the warehouse. */
	public static final int MAX_QUANTITY = 1000;

	public OrderLine {
		Assert.hasText(sku, "sku must not be blank");
		Assert.isTrue(quantity >= 1 && quantity <= MAX_QUANTITY,
				() -> "quantity must be between 1 and " + MAX_QUANTITY + " but was " + quantity);
	}

}
