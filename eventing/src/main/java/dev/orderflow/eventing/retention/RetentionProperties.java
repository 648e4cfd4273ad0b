package dev.orderflow.eventing.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a service keeps the records of a settled order ({@code orderflow.retention.*},
 * ADR 0021).
 *
 * @param settledOrders how long after an order settled (confirmed, rejected or cancelled,
 * with no cancel pending) its records are deleted; none (the default) keeps them for good
 * @param purgeInterval pause between two purges (the first one runs one interval after
 * start)
 * @param purgeBatchSize most orders one transaction deletes, so that no purge holds the
 * database for long: on H2 every commit of the service queues behind it (the soak's first
 * run, with 500, answered a burst of 503s "Database busy" while a batch committed)
 */
@ConfigurationProperties("orderflow.retention")
public record RetentionProperties(Duration settledOrders, @DefaultValue("10m") Duration purgeInterval,
		@DefaultValue("100") int purgeBatchSize) {

	public RetentionProperties {
		if (settledOrders != null && (settledOrders.isNegative() || settledOrders.isZero())) {
			throw new IllegalArgumentException(
					"orderflow.retention.settled-orders must be positive, or unset to keep settled orders: "
							+ settledOrders);
		}
		if (purgeInterval.isNegative() || purgeInterval.isZero()) {
			throw new IllegalArgumentException("orderflow.retention.purge-interval must be positive: " + purgeInterval);
		}
		if (purgeBatchSize < 1) {
			throw new IllegalArgumentException(
					"orderflow.retention.purge-batch-size must be at least 1: " + purgeBatchSize);
		}
	}

	/** Whether settled orders are deleted at all. */
	public boolean enabled() {
		return this.settledOrders != null;
	}

}
