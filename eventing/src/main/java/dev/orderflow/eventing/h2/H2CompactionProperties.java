package dev.orderflow.eventing.h2;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an embedded H2 file database is compacted while the service runs
 * ({@code orderflow.h2.compaction.*}, ADR 0017). Ignored for in-memory H2 and for
 * PostgreSQL.
 *
 * @param enabled whether the compaction thread starts with the application
 * @param interval pause between two compaction steps; each step rewrites at most a few
 * MiB
 * @param retention how long H2 keeps a chunk without live data before it may reuse its
 * blocks (H2's {@code RETENTION_TIME}, 45 s by default). With a chunk per commit, the
 * chunks of one retention are most of the file: the file is about the write rate times
 * the retention (about 300 MiB at 50 orders/s with 45 s; 52 MiB with 5 s and 16 MiB with
 * 1 s at 85 orders/s in ADR 0017's harness). H2's retention guards against a disk that
 * has not flushed its buffers yet (a power failure), not against a killed process; ADR
 * 0017. Must be positive: a zero retention with H2's other defaults can leave a file that
 * no longer opens (h2database#2752)
 */
@ConfigurationProperties("orderflow.h2.compaction")
public record H2CompactionProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration interval,
		@DefaultValue("1s") Duration retention) {

	public H2CompactionProperties {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("orderflow.h2.compaction.interval must be positive: " + interval);
		}
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("orderflow.h2.compaction.retention must be positive: " + retention);
		}
	}

}
