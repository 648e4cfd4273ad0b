package dev.orderflow.inventory.stock;

import java.util.regex.Pattern;

/**
 * The format of a stock-keeping unit: letters, digits, '-' and '_', 1 to 64 characters.
 */
public final class Sku {

	/** Regular expression shared by the domain and the HTTP validation. */
	public static final String PATTERN = "[A-Za-z0-9_-]{1,64}";

	private static final Pattern COMPILED = Pattern.compile(PATTERN);

	private Sku() {
	}

	public static boolean isValid(String sku) {
		return sku != null && COMPILED.matcher(sku).matches();
	}

	static String requireValid(String sku) {
		if (!isValid(sku)) {
			throw new IllegalArgumentException("invalid SKU: " + sku);
		}
		return sku;
	}

}
