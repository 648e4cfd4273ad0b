package dev.orderflow.eventing.observability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.orderflow.eventing.retention.SettledRecordsPurge;

/**
 * {@code orderflow.retention.purged{records=...}}: records of settled orders deleted
 * since start because they were older than {@code orderflow.retention.settled-orders}
 * (ADR 0021), one counter per kind the service keeps. They stay at 0 while no retention
 * is set.
 */
public class RetentionMetrics implements MeterBinder {

	private final SettledRecordsPurge purge;

	public RetentionMetrics(SettledRecordsPurge purge) {
		this.purge = purge;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String name : this.purge.names()) {
			FunctionCounter.builder("orderflow.retention.purged", this.purge, (purge) -> purge.purgedSinceStart(name))
				.description("Records of settled orders deleted after orderflow.retention.settled-orders")
				.tag("records", name)
				.register(registry);
		}
	}

}
