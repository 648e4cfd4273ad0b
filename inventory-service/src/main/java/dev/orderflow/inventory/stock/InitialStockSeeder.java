package dev.orderflow.inventory.stock;

import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Seeds {@link InitialStock} at startup, only for SKUs not yet in the table, so stock
 * reserved or restocked before a restart is kept.
 */
@Component
class InitialStockSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialStockSeeder.class);

	private final InitialStock initialStock;

	private final Stocks stocks;

	InitialStockSeeder(InitialStock initialStock, Stocks stocks) {
		this.initialStock = initialStock;
		this.stocks = stocks;
	}

	@Override
	public void run(ApplicationArguments args) {
		new TreeMap<>(initialStock.initialStock()).forEach((sku, quantity) -> {
			if (stocks.insertIfAbsent(sku, quantity)) {
				log.info("Seeded SKU {} with {} units", sku, quantity);
			}
		});
	}

}
