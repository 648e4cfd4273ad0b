package dev.orderflow.eventing.h2;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Meters of an embedded H2 file database: {@code orderflow.h2.file.size} (the file) and
 * {@code orderflow.h2.live.data} (the part of it holding live pages). Over a long run the
 * live data grows with what the service keeps (orders, reservations, notifications); the
 * difference, what compaction has not yet given back, should level off. A gap that keeps
 * widening says compaction is off or cannot keep up (ADR 0017).
 */
public class H2StoreMetrics implements MeterBinder {

	private final H2FileCompaction compaction;

	public H2StoreMetrics(H2FileCompaction compaction) {
		this.compaction = compaction;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("orderflow.h2.file.size", this.compaction, H2FileCompaction::fileBytes)
			.description("Size of the service's H2 database file")
			.baseUnit("bytes")
			.register(registry);
		Gauge.builder("orderflow.h2.live.data", this.compaction, H2FileCompaction::liveBytes)
			.description("Bytes of the H2 database file that hold live pages")
			.baseUnit("bytes")
			.register(registry);
	}

}
