package dev.orderflow.bench;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HopsTest {

	@Test
	void eachHopRunsFromOneEventsTimestampToTheNext() {
		Hops hops = new Hops();
		hops.begin();
		// POST at 1000; OrderPlaced 12 ms later, the inventory's answer 30 ms after that,
		// the final event 8 ms after the answer
		hops.posted("o-1", 1000);
		hops.placed("o-1", 1012);
		hops.answered("o-1", 1042);
		hops.ended("o-1", 1050);

		assertThat(hops.report()).containsExactly(new Hops.HopReport(Hops.POST_TO_PLACED, 1, 12, 12, 12),
				new Hops.HopReport(Hops.PLACED_TO_ANSWER, 1, 30, 30, 30),
				new Hops.HopReport(Hops.ANSWER_TO_FINAL, 1, 8, 8, 8), new Hops.HopReport(Hops.TOTAL, 1, 50, 50, 50));
	}

	@Test
	void theP99OfAHopComesFromItsSlowestOrders() {
		List<long[]> orders = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			long post = 1_700_000_000_000L + 10_000L * i;
			// every order waits 5 ms for the inventory, except one that waits 400 ms
			long answer = post + 10 + ((i == 42) ? 400 : 5);
			orders.add(new long[] { post, post + 10, answer, answer + 3 });
		}
		List<Hops.HopReport> report = Hops.report(orders);
		assertThat(report.get(1)).satisfies((hop) -> {
			assertThat(hop.hop()).isEqualTo(Hops.PLACED_TO_ANSWER);
			assertThat(hop.orders()).isEqualTo(100);
			assertThat(hop.p50()).isEqualTo(5);
			assertThat(hop.p99()).isEqualTo(5);
			assertThat(hop.max()).isBetween(400L, 401L);
		});
	}

	@Test
	void onlyOrdersPostedSinceTheWindowBeganAndSeenToTheEndCount() {
		Hops hops = new Hops();
		hops.posted("warm-up", 1);
		hops.placed("warm-up", 2);
		hops.answered("warm-up", 3);
		hops.ended("warm-up", 4);
		hops.begin();
		// its events came before the HTTP answer named it: they still count
		hops.placed("early", 110);
		hops.answered("early", 120);
		hops.ended("early", 130);
		hops.posted("early", 100);
		// never answered by the inventory
		hops.posted("lost", 200);
		hops.placed("lost", 210);
		// a redelivered OrderPlaced keeps the first time
		hops.placed("early", 500);

		assertThat(hops.report()).allSatisfy((hop) -> assertThat(hop.orders()).isEqualTo(1));
		assertThat(hops.report().get(0).p50()).isEqualTo(10);
		assertThat(hops.report().get(3).p50()).isEqualTo(30);
	}

	@Test
	void aProducerClockAMillisecondBehindTheBenchIsNotANegativeHop() {
		assertThat(Hops.report(List.<long[]>of(new long[] { 100, 99, 120, 125 })).get(0).p50()).isZero();
	}

}
