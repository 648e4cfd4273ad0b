package dev.orderflow.eventing.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the inbox remembers processed events ({@code orderflow.inbox.*}).
 * <p>
 * A duplicate of an event can only arrive while a copy of its record can still be
 * delivered again: while the record is in a topic the consumer reads (the topic's
 * {@code retention.ms}) and the group's committed offset could go back to it. So
 * {@code retention} must be at least the longest {@code retention.ms} of those topics;
 * {@link InboxRetentionCheck} warns at start when it is not
 * (docs/decisions/0015-inbox-retention.md).
 *
 * @param retention how long a processed event's row is kept; the default is Kafka's
 * default topic retention (7 days) plus a day of margin
 * @param purgeEnabled whether the purge thread starts with the application
 * @param purgeInterval pause between two purges (the first one runs one interval after
 * start)
 * @param purgeBatchSize most rows one DELETE removes, so that no purge holds locks for
 * long
 */
@ConfigurationProperties("orderflow.inbox")
public record InboxProperties(@DefaultValue("8d") Duration retention, @DefaultValue("true") boolean purgeEnabled,
		@DefaultValue("10m") Duration purgeInterval, @DefaultValue("1000") int purgeBatchSize) {

	public InboxProperties {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("orderflow.inbox.retention must be positive: " + retention);
		}
		if (purgeInterval.isNegative() || purgeInterval.isZero()) {
			throw new IllegalArgumentException("orderflow.inbox.purge-interval must be positive: " + purgeInterval);
		}
		if (purgeBatchSize < 1) {
			throw new IllegalArgumentException(
					"orderflow.inbox.purge-batch-size must be at least 1: " + purgeBatchSize);
		}
	}

}
