package dev.orderflow.inventory.reservation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.orderflow.inventory.stock.Stock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReservationUnitTest {

	@Test
	void reservesEveryLineWhenAllAreAvailable() {
		Map<String, Stock> stocks = stocks(stock("A", 5), stock("B", 2));

		Reservation reservation = Reservation.attempt("o-1", List.of(line("A", 3), line("B", 2)), stocks);

		assertThat(reservation.status()).isEqualTo(ReservationStatus.RESERVED);
		assertThat(reservation.rejection()).isEmpty();
		assertThat(stocks.get("A").available()).isEqualTo(2);
		assertThat(stocks.get("A").reserved()).isEqualTo(3);
		assertThat(stocks.get("B").available()).isZero();
		assertThat(stocks.get("B").reserved()).isEqualTo(2);
	}

	@Test
	void rejectsOrderWhenStockIsShortAndReservesNothing() {
		Map<String, Stock> stocks = stocks(stock("A", 5), stock("B", 2));

		Reservation reservation = Reservation.attempt("o-1", List.of(line("A", 3), line("B", 7)), stocks);

		assertThat(reservation.status()).isEqualTo(ReservationStatus.REJECTED);
		assertThat(reservation.rejection()).contains(new Rejection(Rejection.Code.INSUFFICIENT_STOCK,
				"insufficient stock for SKU B: requested 7, available 2 (short by 5)", "B", 5));
		assertThat(stocks.get("A").available()).isEqualTo(5);
		assertThat(stocks.get("A").reserved()).isZero();
		assertThat(stocks.get("B").available()).isEqualTo(2);
	}

	@Test
	void rejectsUnknownSkuBeforeLookingAtShortages() {
		Map<String, Stock> stocks = stocks(stock("A", 1));

		Reservation reservation = Reservation.attempt("o-1", List.of(line("A", 9), line("NOPE", 1)), stocks);

		assertThat(reservation.rejection())
			.contains(new Rejection(Rejection.Code.UNKNOWN_SKU, "unknown SKU: NOPE", "NOPE", null));
		assertThat(stocks.get("A").available()).isEqualTo(1);
	}

	@Test
	void linesOfTheSameSkuAreCheckedTogether() {
		Map<String, Stock> stocks = stocks(stock("A", 5));

		Reservation reservation = Reservation.attempt("o-1", List.of(line("A", 3), line("A", 3)), stocks);

		assertThat(reservation.rejection()).hasValueSatisfying((rejection) -> assertThat(rejection.reason())
			.isEqualTo("insufficient stock for SKU A: requested 6, available 5 (short by 1)"));
		assertThat(stocks.get("A").available()).isEqualTo(5);
	}

	@Test
	void rejectsOrdersWithoutLinesOrWithNonPositiveQuantities() {
		Map<String, Stock> stocks = stocks(stock("A", 5));

		assertThat(Reservation.attempt("o-1", List.of(), stocks).rejection())
			.hasValueSatisfying((rejection) -> assertThat(rejection.code()).isEqualTo(Rejection.Code.OTHER));
		assertThat(Reservation.attempt("o-2", List.of(line("A", 0)), stocks).rejection())
			.hasValueSatisfying((rejection) -> assertThat(rejection.code()).isEqualTo(Rejection.Code.OTHER));
		assertThat(stocks.get("A").available()).isEqualTo(5);
	}

	@Test
	void cancellingAReservationReleasesExactlyWhatItHeld() {
		Map<String, Stock> stocks = stocks(stock("A", 5), stock("B", 2));
		Reservation reservation = Reservation.attempt("o-1", List.of(line("A", 3), line("B", 1)), stocks);

		Cancellation cancellation = reservation.cancel(stocks);

		assertThat(cancellation).isEqualTo(new Cancellation.Released(List.of(line("A", 3), line("B", 1))));
		assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED);
		assertThat(stocks.get("A").available()).isEqualTo(5);
		assertThat(stocks.get("A").reserved()).isZero();
		assertThat(stocks.get("B").available()).isEqualTo(2);
		assertThat(reservation.cancel(stocks)).isEqualTo(new Cancellation.AlreadyAnswered());
		assertThat(stocks.get("A").available()).isEqualTo(5);
	}

	@Test
	void cancellingARejectedOrderReleasesNothingButStillAnswers() {
		Map<String, Stock> stocks = stocks(stock("A", 1));
		Reservation reservation = Reservation.attempt("o-1", List.of(line("A", 3)), stocks);

		assertThat(reservation.cancel(Map.of())).isEqualTo(new Cancellation.Released(List.of()));
		assertThat(reservation.status()).isEqualTo(ReservationStatus.REJECTED);
	}

	@Test
	void aCancelBeforeTheOrderIsAnsweredOnlyOnce() {
		Reservation reservation = Reservation.cancelledBeforeReservation("o-1");

		assertThat(reservation.holdsStock()).isFalse();
		assertThat(reservation.cancel(Map.of())).isEqualTo(new Cancellation.AlreadyAnswered());
	}

	private static ReservationLine line(String sku, int quantity) {
		return new ReservationLine(sku, quantity);
	}

	private static Stock stock(String sku, int available) {
		return new Stock(sku, available, 0, 0);
	}

	private static Map<String, Stock> stocks(Stock... stocks) {
		Map<String, Stock> map = new HashMap<>();
		for (Stock stock : stocks) {
			map.put(stock.sku(), stock);
		}
		return map;
	}

}
