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
 * @param retention how long H2 keeps a chunk that no longer holds live data before it may reuse
 * its space (H2's {@code RETENTION_TIME}, 45 s by default). With a chunk per commit, the chunks of
 * 45 s of commits, and the metadata listing them, are most of the file under load
 */
@ConfigurationProperties("orderflow.h2.compaction")
public record H2CompactionProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration interval,
		@DefaultValue("5s") Duration retention) {

	public H2CompactionProperties {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("orderflow.h2.compaction.interval must be positive: " + interval);
		}
		if (retention.isNegative()) {
			throw new IllegalArgumentException("orderflow.h2.compaction.retention must not be negative: " + retention);
		}
	}

}
