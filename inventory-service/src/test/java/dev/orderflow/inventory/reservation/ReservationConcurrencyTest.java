package dev.orderflow.inventory.reservation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.orderflow.inventory.AbstractIntegrationTest;
import dev.orderflow.inventory.stock.Stock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many orders race for one scarce SKU on the real database: the row locks must let
 * exactly as many through as there are units, and orders naming the same two SKUs in
 * opposite order must not deadlock.
 */
class ReservationConcurrencyTest extends AbstractIntegrationTest {

	private static final int THREADS = 8;

	private static final int ORDERS_PER_THREAD = 25;

	@Autowired
	ReservationService reservations;

	@Test
	void concurrentOrdersNeverOversellNorDeadlock() throws Exception {
		String scarce = newSku("SCARCE", 100);
		String plenty = newSku("PLENTY", 1000);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<List<Reservation>>> futures = new ArrayList<>();
		try {
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				futures.add(pool.submit(() -> {
					start.await();
					List<Reservation> placed = new ArrayList<>();
					for (int i = 0; i < ORDERS_PER_THREAD; i++) {
						// half the threads name the SKUs in the opposite order: locking
						// must not depend on it
						List<ReservationLine> lines = (thread % 2 == 0)
								? List.of(new ReservationLine(scarce, 1), new ReservationLine(plenty, 1))
								: List.of(new ReservationLine(plenty, 1), new ReservationLine(scarce, 1));
						placed
							.add(reservations.reserve("race-" + scarce + "-" + thread + "-" + i, lines).orElseThrow());
					}
					return placed;
				}));
			}
			start.countDown();
			List<Reservation> all = new ArrayList<>();
			for (Future<List<Reservation>> future : futures) {
				all.addAll(future.get(90, TimeUnit.SECONDS));
			}

			assertThat(all).hasSize(THREADS * ORDERS_PER_THREAD);
			assertThat(all).filteredOn(Reservation::holdsStock).hasSize(100);
			assertThat(all).filteredOn((r) -> !r.holdsStock())
				.hasSize(THREADS * ORDERS_PER_THREAD - 100)
				.allSatisfy((r) -> assertThat(r.rejection()).hasValueSatisfying((rejection) -> {
					assertThat(rejection.code()).isEqualTo(Rejection.Code.INSUFFICIENT_STOCK);
					assertThat(rejection.sku()).isEqualTo(scarce);
				}));
			assertStock(scarce, 0, 100);
			assertStock(plenty, 900, 100);
		}
		finally {
			pool.shutdownNow();
			assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}
	}

	private void assertStock(String sku, int available, int reserved) {
		Optional<Stock> stock = inventory.find(sku);
		assertThat(stock).hasValueSatisfying((s) -> {
			assertThat(s.available()).isEqualTo(available);
			assertThat(s.reserved()).isEqualTo(reserved);
		});
	}

}
