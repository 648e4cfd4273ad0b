package dev.orderflow.inventory.stock.web;

import dev.orderflow.inventory.stock.Stock;

/**
 * Stock of one SKU as the API shows it.
 */
record StockResponse(String sku, int available, int reserved) {

	static StockResponse of(Stock stock) {
		return new StockResponse(stock.sku(), stock.available(), stock.reserved());
	}

}
