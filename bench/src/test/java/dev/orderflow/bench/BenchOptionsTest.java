package dev.orderflow.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

	@Test
	void steadyMeasuresTenThousandOrdersAfterFiveThousandAtTheMaximumThenAtHalfOfIt() {
		BenchOptions steady = BenchOptions.parse("--steady");
		assertThat(steady.orders()).isEqualTo(10_000);
		assertThat(steady.warmup()).isEqualTo(5000);
		assertThat(steady.shapes()).containsExactly(LoadShape.maximum(64));
		assertThat(steady.halfRate()).isTrue();
		assertThat(steady.baseline()).isTrue();
		// what is given wins over the preset
		assertThat(BenchOptions.parse("--steady", "--orders", "20000").orders()).isEqualTo(20_000);
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--half-rate", "--rate", "50"))
			.withMessageContaining("--max");
	}

	@Test
	void halfRateIsHalfTheSagasMaximumOfThisRun() {
		ScenarioResult sagaMax = new ScenarioResult("saga", "max", 0, 64, 100, 100, 0, 0, Map.of(), 1.0, 117.4,
				Map.of("p50", 1.0, "p99", 1.0), List.of(), List.of(), null, List.of());
		ScenarioResult rawMax = new ScenarioResult("raw", "max", 0, 64, 100, 100, 0, 0, Map.of(), 1.0, 2107,
				Map.of("p50", 1.0, "p99", 1.0), List.of(), List.of(), null, List.of());
		assertThat(Bench.halfOfSagaMaximum(List.of(sagaMax, rawMax))).isEqualTo(LoadShape.fixedRate(59));
	}

	@Test
	void breakdownRunsTheSagaAloneAtItsMaximumOnceForEachConfiguration() {
		BenchOptions options = BenchOptions.parse("--breakdown", "--breakdown-jdk", "/usr/lib/jvm/other");
		assertThat(options.shapes()).containsExactly(LoadShape.maximum(64));
		assertThat(options.orders()).isEqualTo(3000);
		assertThat(options.warmup()).isEqualTo(1500);
		assertThat(options.baseline()).isFalse();
		assertThat(Breakdown.configurations(options.breakdownJdk())).extracting(Breakdown.Configuration::name)
			.containsExactly("full configuration", "tracing off", "max.poll.records 10", "PostgreSQL instead of H2",
					"outbox → direct send", "inbox off", "e-mail off", "all four off", "JDK other");
		assertThat(Breakdown.configurations(null)).hasSize(8);
		assertThat(Breakdown.configurations(null).get(1).how()).isEqualTo("TRACING_SAMPLING_PROBABILITY=0");
	}

	@Test
	void breakdownAllowsTheSwitchesThatDropAGuaranteeOnlyInTheirOwnRows() {
		Map<String, String> how = Breakdown.configurations(null)
			.stream()
			.collect(Collectors.toMap(Breakdown.Configuration::name, Breakdown.Configuration::how));
		assertThat(how)
			.containsEntry("outbox → direct send",
					"ORDERFLOW_BENCH_OUTBOXDIRECTSEND=true ORDERFLOW_BENCH_ALLOWUNSAFESWITCHES=true")
			.containsEntry("inbox off", "ORDERFLOW_BENCH_INBOXOFF=true ORDERFLOW_BENCH_ALLOWUNSAFESWITCHES=true")
			.containsEntry("e-mail off", "ORDERFLOW_BENCH_EMAILOFF=true ORDERFLOW_BENCH_ALLOWUNSAFESWITCHES=true")
			.containsEntry("all four off",
					"TRACING_SAMPLING_PROBABILITY=0 ORDERFLOW_BENCH_OUTBOXDIRECTSEND=true ORDERFLOW_BENCH_INBOXOFF=true"
							+ " ORDERFLOW_BENCH_EMAILOFF=true ORDERFLOW_BENCH_ALLOWUNSAFESWITCHES=true");
		// the full configuration, against which every row is read, has no switch at all
		assertThat(Breakdown.configurations(null).get(0).environment()).isEmpty();
		assertThat(Breakdown.configurations(null))
			.filteredOn((row) -> row.environment().containsKey("ORDERFLOW_BENCH_ALLOWUNSAFESWITCHES"))
			.hasSize(4);
		assertThat(Breakdown.configurations(null).get(4).slug()).isEqualTo("outbox-direct-send");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--breakdown-jdk", "/x"))
			.withMessageContaining("--breakdown");
	}

	private static ScenarioResult result(String target, double throughput, double p50, double p99) {
		return new ScenarioResult(target, "rate", 100, 0, 100, 100, 0, 0, Map.of(), 1.0, throughput,
				Map.of("p50", p50, "p99", p99), List.of(), List.of(), null, List.of());
	}

}
