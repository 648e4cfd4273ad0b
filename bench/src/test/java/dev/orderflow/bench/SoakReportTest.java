package dev.orderflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SoakReportTest {

	@Test
	void aLineThatRisesDuringTheWarmUpThenSawTeethAroundALevelHasLevelledOff() {
		// the inbox with a 120 s retention purged every 30 s: rises for 120 s, then a
		// saw-tooth
		SoakReport.Series inbox = series(StackProbe.INBOX, (t) -> (t < 120) ? 60.0 * t : 7200 + 60.0 * (t % 30));
		assertThat(SoakReport.summarise(inbox).verdict()).isEqualTo(SoakReport.LEVELLED);
	}

	@Test
	void aLineThatKeepsRisingIsSaidToBeRising() {
		// the inbox without retention: one row per event, for ever
		SoakReport.Series inbox = series(StackProbe.INBOX, (t) -> 60.0 * t);
		SoakReport.Summary summary = SoakReport.summarise(inbox);
		assertThat(summary.verdict()).isEqualTo(SoakReport.RISING);
		assertThat(summary.start()).isZero();
		assertThat(summary.end()).isEqualTo(60.0 * 590);
		assertThat(summary.growthLastHalf()).isCloseTo(summary.growthFirstHalf(),
				org.assertj.core.data.Percentage.withPercentage(5));
	}

	@Test
	void aFlatNoisyLineHasLevelledOffAndACounterIsNotJudged() {
		SoakReport.Series outbox = series(StackProbe.OUTBOX, (t) -> (t / 10 % 3 == 0) ? 12 : 3);
		assertThat(SoakReport.summarise(outbox).verdict()).isEqualTo(SoakReport.LEVELLED);
		SoakReport.Series purged = series(StackProbe.PURGED, (t) -> 60.0 * t);
		assertThat(SoakReport.summarise(purged).verdict()).isEqualTo(SoakReport.COUNTER);
		SoakReport.Series short_ = new SoakReport.Series(StackProbe.RSS, "kafka", List.of(new double[] { 0, 1 }));
		assertThat(SoakReport.summarise(short_).verdict()).isEqualTo(SoakReport.TOO_SHORT);
	}

	@Test
	void aQueueThatEndsBelowWhatItsWarmUpReachedHasLevelledOffThoughItsLastHalfHadAPeak() {
		// inventory's outbox in the soak of 2026-12-02: mostly empty, 9 rows at most
		// in the first half, a peak of 19 near the end, 0 at the end
		SoakReport.Series outbox = series(StackProbe.OUTBOX,
				(t) -> (t == 170) ? 9 : (t == 560) ? 19 : (t % 50 == 0) ? 2 : 0);
		assertThat(SoakReport.summarise(outbox).verdict()).isEqualTo(SoakReport.LEVELLED);
		SoakReport.Series rising = series(StackProbe.OUTBOX, (t) -> (t == 170) ? 9 : (t > 300) ? t / 10.0 : 0);
		assertThat(SoakReport.summarise(rising).verdict()).isEqualTo(SoakReport.RISING);
	}

	@Test
	void aDatabaseFileThatGrowsOnlyWithItsLiveDataIsNotALeak() {
		SoakReport.Series live = series(StackProbe.LIVE_DATA, (t) -> 0.2 * t);
		SoakReport.Series slack = series(StackProbe.DB_SLACK, (t) -> (t < 120) ? 0.5 * t : 60 + (t % 30) / 10.0);
		SoakReport.Series file = series(StackProbe.DB_FILES, (t) -> 0.2 * t + ((t < 120) ? 0.5 * t : 60));
		assertThat(SoakReport.of(10, List.of(live, slack, file)).summaries()).extracting(SoakReport.Summary::verdict)
			.containsExactly(SoakReport.KEPT_DATA, SoakReport.LEVELLED, SoakReport.FOLLOWS_LIVE_DATA);

		SoakReport.Series slackRising = series(StackProbe.DB_SLACK, (t) -> 0.5 * t);
		SoakReport.Series fileRising = series(StackProbe.DB_FILES, (t) -> 0.7 * t);
		assertThat(SoakReport.of(10, List.of(live, slackRising, fileRising)).summaries())
			.extracting(SoakReport.Summary::verdict)
			.containsExactly(SoakReport.KEPT_DATA, SoakReport.RISING, SoakReport.RISING);
	}

	@Test
	void liveDataThatARetentionForSettledOrdersBoundsHasLevelledOff() {
		// orders deleted two minutes after they settled: the live data rises for a
		// retention, then stays
		SoakReport.Series live = series(StackProbe.LIVE_DATA, (t) -> Math.min(t, 120) * 0.2 + (t % 30) / 100.0);
		assertThat(SoakReport.summarise(live).verdict()).isEqualTo(SoakReport.LEVELLED);
		SoakReport.Series purged = series(StackProbe.SETTLED_PURGED, (t) -> 60.0 * t);
		assertThat(SoakReport.summarise(purged).verdict()).isEqualTo(SoakReport.COUNTER);
	}

	@Test
	void thePlotHasALinePerServiceInAGraphPerMeasure() {
		SoakReport report = SoakReport.of(10,
				List.of(series(StackProbe.INBOX, (t) -> t),
						new SoakReport.Series(StackProbe.INBOX, "inventory-service",
								List.of(new double[] { 0, 1 }, new double[] { 10, 2 })),
						series(StackProbe.RSS, (t) -> 300)));
		String html = SoakPlot.html(report);
		assertThat(html).contains("<h3>inbox rows</h3>", "<h3>RSS (MiB)</h3>", ">order-service<", ">inventory-service<")
			.doesNotContain("<script");
		assertThat(html.split("<polyline", -1)).hasSize(4);
	}

	/** order-service's line, one sample every 10 s for 600 s. */
	private static SoakReport.Series series(String group, IntToDoubleFunction value) {
		List<double[]> points = new ArrayList<>();
		for (int t = 0; t < 600; t += 10) {
			points.add(new double[] { t, value.applyAsDouble(t) });
		}
		return new SoakReport.Series(group, "order-service", points);
	}

}
