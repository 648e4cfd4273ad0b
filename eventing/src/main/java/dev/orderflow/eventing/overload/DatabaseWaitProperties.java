package dev.orderflow.eventing.overload;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an HTTP request waits for a database connection
 * ({@code orderflow.http.database.*}).
 *
 * @param maxWait {@code orderflow.http.database.max-wait}: longest wait of a request for
 * a connection while every connection of the pool is in use (default 2s); then it is
 * answered 503. Kafka listeners and the outbox relay wait the pool's own
 * {@code spring.datasource.hikari.connection-timeout} (30 s) and are retried.
 * @param retryAfter {@code orderflow.http.database.retry-after}: what the 503's
 * {@code Retry-After} header tells the client to wait (default 2s, whole seconds)
 */
@ConfigurationProperties("orderflow.http.database")
public record DatabaseWaitProperties(@DefaultValue("2s") Duration maxWait, @DefaultValue("2s") Duration retryAfter) {

	public DatabaseWaitProperties {
		if (maxWait.isNegative() || maxWait.isZero()) {
			throw new IllegalArgumentException("orderflow.http.database.max-wait must be positive, was " + maxWait);
		}
		if (retryAfter.isNegative()) {
			throw new IllegalArgumentException(
					"orderflow.http.database.retry-after must not be negative, was " + retryAfter);
		}
	}

}
