package dev.orderflow.bench;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {

	@Test
	void aGrowingQueueShowsAsLatencyRisingSliceBySlice() {
		// ten orders a second for 30 s, each waiting 100 ms longer than the one a second
		// before
		List<long[]> ends = new ArrayList<>();
		for (int second = 0; second < 30; second++) {
			for (int i = 0; i < 10; i++) {
				ends.add(new long[] { second * 1_000_000_000L + i * 100_000_000L, (100 + 100L * second) * 1000 });
			}
		}
		List<double[]> slices = Timeline.of(ends);
		assertThat(slices).hasSize(30);
		assertThat(slices.get(0)).containsExactly(1, 100, 100, 10);
		assertThat(slices.get(29)).containsExactly(30, 3000, 3000, 10);
	}

	@Test
	void aLongRunIsCutIntoAtMostAHundredAndTwentySlicesWithTheirOwnPercentiles() {
		List<long[]> ends = new ArrayList<>();
		for (int i = 0; i < 6000; i++) {
			// one order in a hundred takes 50 ms, the others 5 ms
			ends.add(new long[] { i * 100_000_000L, ((i % 100 == 99) ? 50 : 5) * 1000L });
		}
		List<double[]> slices = Timeline.of(ends);
		assertThat(slices).hasSizeLessThanOrEqualTo(Timeline.SLICES);
		assertThat(slices).allSatisfy((slice) -> assertThat(slice[1]).isEqualTo(5.0));
		assertThat(slices.stream().mapToDouble((slice) -> slice[3]).sum()).isEqualTo(6000);
		assertThat(Timeline.of(List.of())).isEmpty();
	}

}
