package dev.orderflow.eventing.overload;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * Every connection of the pool stayed in use while a request waited its
 * {@link DatabaseWaitProperties#maxWait() short wait}. A transient failure like the
 * pool's own timeout it replaces, so {@code TransientFailures} classifies it the same
 * way.
 */
public class DatabaseBusyException extends SQLTransientConnectionException {

	DatabaseBusyException(Duration waited, SQLTransientConnectionException poolTimeout) {
		super("No database connection became free within " + waited.toMillis() + " ms: " + poolTimeout.getMessage(),
				poolTimeout.getSQLState(), poolTimeout);
	}

}
