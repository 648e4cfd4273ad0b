package dev.orderflow.inventory.stock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class StockUnitTest {

	@Test
	void reserveMovesUnitsFromAvailableToReserved() {
		Stock stock = new Stock("SKU-001", 10, 0, 0);

		stock.reserve(4);

		assertThat(stock.available()).isEqualTo(6);
		assertThat(stock.reserved()).isEqualTo(4);
	}

	@Test
	void reservingMoreThanAvailableFailsAndChangesNothing() {
		Stock stock = new Stock("SKU-001", 2, 5, 0);

		assertThatIllegalStateException().isThrownBy(() -> stock.reserve(3))
			.withMessage("insufficient stock for SKU SKU-001: requested 3, available 2 (short by 1)");
		assertThat(stock.available()).isEqualTo(2);
		assertThat(stock.reserved()).isEqualTo(5);
	}

	@Test
	void shortfallIsWhatIsMissing() {
		Stock stock = new Stock("SKU-001", 2, 0, 0);

		assertThat(stock.shortfall(2)).isZero();
		assertThat(stock.shortfall(7)).isEqualTo(5);
	}

	@Test
	void releaseGivesReservedUnitsBack() {
		Stock stock = new Stock("SKU-001", 1, 4, 0);

		stock.release(3);

		assertThat(stock.available()).isEqualTo(4);
		assertThat(stock.reserved()).isEqualTo(1);
	}

	@Test
	void cannotReleaseMoreThanReserved() {
		Stock stock = new Stock("SKU-001", 1, 2, 0);

		assertThatIllegalStateException().isThrownBy(() -> stock.release(3));
	}

	@Test
	void quantitiesMustBePositive() {
		Stock stock = new Stock("SKU-001", 1, 1, 0);

		assertThatIllegalArgumentException().isThrownBy(() -> stock.reserve(0));
		assertThatIllegalArgumentException().isThrownBy(() -> stock.release(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> stock.restock(0));
	}

	@Test
	void restockAddsToAvailableUpToTheLimitPerRestock() {
		Stock stock = Stock.empty("NEW_SKU");

		stock.restock(Stock.MAX_RESTOCK);

		assertThat(stock.available()).isEqualTo(Stock.MAX_RESTOCK);
		assertThatIllegalArgumentException().isThrownBy(() -> stock.restock(Stock.MAX_RESTOCK + 1));
	}

	@Test
	void restockNeverTakesAvailableAndReservedTogetherBeyondAnInt() {
		Stock stock = new Stock("SKU-001", Stock.MAX_UNITS - 20, 10, 0);

		assertThatExceptionOfType(StockLimitExceededException.class).isThrownBy(() -> stock.restock(11))
			.satisfies((ex) -> assertThat(ex.limit()).isEqualTo("maxUnitsPerSku"))
			.satisfies((ex) -> assertThat(ex.max()).isEqualTo(Integer.MAX_VALUE));
		stock.restock(10);
		stock.release(10);

		assertThat(stock.available()).isEqualTo(Stock.MAX_UNITS);
	}

	@Test
	void skuFormatIsEnforced() {
		assertThat(Sku.isValid("SKU_1-a")).isTrue();
		assertThat(Sku.isValid("a".repeat(64))).isTrue();
		assertThat(Sku.isValid("a".repeat(65))).isFalse();
		assertThat(Sku.isValid("SKU 1")).isFalse();
		assertThat(Sku.isValid("")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> Stock.empty("bad/sku"));
	}

}
