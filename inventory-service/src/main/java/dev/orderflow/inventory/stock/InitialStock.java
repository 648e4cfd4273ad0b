package dev.orderflow.inventory.stock;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Units per SKU put in stock the first time the service sees that SKU
 * ({@code orderflow.inventory.initial-stock}). A restart never resets existing stock.
 */
@ConfigurationProperties("orderflow.inventory")
public record InitialStock(Map<String, Integer> initialStock) {

	public InitialStock {
		initialStock = (initialStock != null) ? Map.copyOf(initialStock) : Map.of();
		initialStock.forEach((sku, quantity) -> {
			if (!Sku.isValid(sku) || quantity == null || quantity < 0) {
				throw new IllegalArgumentException(
						"orderflow.inventory.initial-stock." + sku + " must be a valid SKU with a quantity >= 0");
			}
		});
	}

}
