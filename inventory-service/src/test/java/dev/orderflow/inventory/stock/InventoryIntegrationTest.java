package dev.orderflow.inventory.stock;

import dev.orderflow.inventory.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryIntegrationTest extends AbstractIntegrationTest {

	@Autowired
	InitialStockSeeder seeder;

	@Test
	void seedsTheConfiguredInitialStock() {
		assertThat(inventory.find("SKU-001")).hasValueSatisfying((stock) -> assertThat(stock.reserved()).isZero());
		assertThat(inventory.find("SKU-SCARCE")).isPresent();
		assertThat(inventory.all()).extracting(Stock::sku).contains("SKU-001", "SKU-005", "SKU-SCARCE").isSorted();
	}

	@Test
	void seedingAgainNeverResetsExistingStock() throws Exception {
		Stock before = inventory.restock("SKU-002", 5);

		seeder.run(null);

		assertThat(inventory.find("SKU-002"))
			.hasValueSatisfying((stock) -> assertThat(stock.available()).isEqualTo(before.available()));
	}

	@Test
	void restockCreatesANewSkuAndAddsToAnExistingOne() {
		String sku = newSku("RESTOCK", 7);

		Stock restocked = inventory.restock(sku, 3);

		assertThat(restocked.available()).isEqualTo(10);
		assertThat(restocked.reserved()).isZero();
		assertThat(inventory.find(sku)).hasValueSatisfying((stock) -> assertThat(stock.available()).isEqualTo(10));
	}

}
