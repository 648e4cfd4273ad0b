package dev.orderflow.eventing.bench;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code benchSwitches} health, present only while a switch is on: UP (the service
 * works as the bench wants it), with the switches that are on, so that nobody takes a
 * benchmark stack for a real one.
 */
class BenchSwitchesHealthIndicator extends AbstractHealthIndicator {

	private final BenchSwitches switches;

	BenchSwitchesHealthIndicator(BenchSwitches switches) {
		super("Bench switches health check failed");
		this.switches = switches;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up()
			.withDetail("on", this.switches.on())
			.withDetail("warning", "a benchmark stack: these switches drop guarantees (ADR 0020)");
	}

}
