package dev.orderflow.inventory.stock;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases on stock driven by people rather than by orders: look it up, restock it.
 */
@Service
public class Inventory {

	private final Stocks stocks;

	public Inventory(Stocks stocks) {
		this.stocks = stocks;
	}

	@Transactional(readOnly = true)
	public List<Stock> all() {
		return stocks.findAll();
	}

	@Transactional(readOnly = true)
	public Optional<Stock> find(String sku) {
		return stocks.findBySku(sku);
	}

	/**
	 * Adds units to a SKU, creating the SKU if it is new; returns the stock after the
	 * restock.
	 */
	@Transactional
	public Stock restock(String sku, int quantity) {
		Optional<Stock> existing = stocks.lock(sku);
		Stock stock = existing.orElseGet(() -> Stock.empty(sku));
		stock.restock(quantity);
		if (existing.isPresent()) {
			stocks.update(stock);
		}
		else {
			stocks.insert(stock);
		}
		return stocks.findBySku(sku).orElseThrow();
	}

}
