package dev.orderflow.eventing.bench;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fence of ADR 0020: a bench switch alone stops the service from starting, naming the
 * switch; with the benchmark's allowance it is on. The switches are set as
 * {@code ./orderflow bench --breakdown} sets them, by environment variables.
 */
class BenchSwitchesTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BenchSwitchesAutoConfiguration.class));

	@ParameterizedTest
	@CsvSource({ "ORDERFLOW_BENCH_OUTBOXDIRECTSEND, orderflow.bench.outbox-direct-send",
			"ORDERFLOW_BENCH_INBOXOFF, orderflow.bench.inbox-off",
			"ORDERFLOW_BENCH_EMAILOFF, orderflow.bench.email-off" })
	void refusesToStartWithASwitchThatIsNotAllowed(String variable, String property) {
		withEnvironment(Map.of(variable, "true")).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining(property)
				.hasMessageContaining("orderflow.bench.allow-unsafe-switches=true");
		});
	}

	@ParameterizedTest
	@CsvSource({ "ORDERFLOW_BENCH_INBOXOFF, false", "ORDERFLOW_BENCH_EMAILOFF, FALSE" })
	void refusesAnAllowanceThatIsNotTrue(String variable, String allowance) {
		withEnvironment(Map.of(variable, "true", "ORDERFLOW_BENCH_ALLOWUNSAFESWITCHES", allowance))
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void startsWithASwitchTheBenchmarkAllowsAndSaysSoInItsHealth() {
		// e-mail off is notification-service's: the fence and the health are this
		// module's
		withEnvironment(Map.of("ORDERFLOW_BENCH_EMAILOFF", "true", "ORDERFLOW_BENCH_ALLOWUNSAFESWITCHES", "true"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(BenchSwitches.class).on()).containsExactly("orderflow.bench.email-off");
				assertThat(context.getBean(BenchSwitchesHealthIndicator.class).health(true).getDetails())
					.containsEntry("on", List.of("orderflow.bench.email-off"));
			});
	}

	@Test
	void startsWithoutSwitchesAndWithoutTheirHealth() {
		this.contexts.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(BenchSwitches.class).on()).isEmpty();
			assertThat(context).doesNotHaveBean(BenchSwitchesHealthIndicator.class);
		});
	}

	private ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
		// named as the operating system's environment is, so that Spring Boot maps
		// ORDERFLOW_BENCH_INBOXOFF to orderflow.bench.inbox-off
		return this.contexts.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", variables)));
	}

}
