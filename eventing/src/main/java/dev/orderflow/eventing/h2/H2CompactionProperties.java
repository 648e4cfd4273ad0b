package dev.orderflow.eventing.h2;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an embedded H2 file database is compacted while the service runs
 * ({@code orderflow.h2.compaction.*}, ADR 0017). Ignored for in-memory H2 and for PostgreSQL.
 *
 * @param enabled whether the compaction thread starts with the application
 * @param interval pause between two compaction steps; each step rewrites at most a few MiB
 */
@ConfigurationProperties("orderflow.h2.compaction")
public record H2CompactionProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration interval) {

	public H2CompactionProperties {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("orderflow.h2.compaction.interval must be positive: " + interval);
		}
	}

}
