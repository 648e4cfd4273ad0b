package dev.orderflow.bench;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchOptionsTest {

	@Test
	void runsAtOneHundredPerSecondByDefault() {
		BenchOptions options = BenchOptions.parse();
		assertThat(options.shapes()).containsExactly(LoadShape.fixedRate(100));
		assertThat(options.baseline()).isTrue();
	}

	@Test
	void runsBothShapesWhenAskedForRateAndMax() {
		BenchOptions options = BenchOptions.parse("--rate", "200", "--max", "--concurrency", "32", "--orders", "5000");
		assertThat(options.shapes()).containsExactly(LoadShape.fixedRate(200), LoadShape.maximum(32));
		assertThat(options.orders()).isEqualTo(5000);
	}

	@Test
	void rejectsUnknownOptionsAndBadNumbers() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--fast"))
			.withMessageContaining("--fast");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--rate", "0"))
			.withMessageContaining("--rate");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--orders", "many"))
			.withMessageContaining("whole number");
	}

	@Test
	void soakIsOneSteadySagaRunWithoutBaseline() {
		BenchOptions options = BenchOptions.parse("--soak", "--rate", "60", "--orders", "100000", "--sample-interval",
				"5", "--data-dir", "/tmp/stack");
		assertThat(options.soak()).isTrue();
		assertThat(options.shapes()).containsExactly(LoadShape.fixedRate(60));
		assertThat(options.baseline()).isFalse();
		assertThat(options.sampleInterval()).hasSeconds(5);
		assertThat(options.dataDir()).hasToString("/tmp/stack");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--soak", "--max"))
			.withMessageContaining("--rate");
	}

	@Test
	void comparesSagaWithRawOfTheSameShape() {
		ScenarioResult saga = result("saga", 100, 40.0, 120.0);
		ScenarioResult raw = result("raw", 100, 10.0, 20.0);
		assertThat(BenchReport.ratios(List.of(saga, raw)))
			.containsExactly(new BenchReport.Ratio("rate-100", 1.0, 4.0, 6.0));
	}

	private static ScenarioResult result(String target, double throughput, double p50, double p99) {
		return new ScenarioResult(target, "rate", 100, 0, 100, 100, 0, 0, Map.of(), 1.0, throughput,
				Map.of("p50", p50, "p99", p99), List.of());
	}

}
