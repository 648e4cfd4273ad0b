package dev.orderflow.eventing.overload;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The service's Hikari pool, handing out connections with a short wait on threads that
 * serve an HTTP request. Hikari has one connection-timeout for the whole pool; a request
 * that waited it (30 s) held a Tomcat thread all along and then failed with a 500, while
 * a Kafka listener or the outbox relay should wait that long, and be retried after it
 * (ADR 0009). Other threads get the pool's own wait, unchanged.
 */
class RequestConnectionWait extends DelegatingDataSource {

	private final HikariDataSource pool;

	private final Duration wait;

	RequestConnectionWait(HikariDataSource pool, Duration wait) {
		super(pool);
		this.pool = pool;
		this.wait = wait;
	}

	@Override
	public Connection getConnection() throws SQLException {
		// a pool not started yet (the first connection) or closed answers as it always
		// does
		if (!servesARequest() || !(this.pool.getHikariPoolMXBean() instanceof HikariPool running)
				|| this.pool.isClosed()) {
			return this.pool.getConnection();
		}
		try {
			return running.getConnection(this.wait.toMillis());
		}
		catch (SQLTransientConnectionException timeout) {
			// with a cause, no connection could be opened: the database itself failed,
			// which the services report as they always did
			if (timeout.getCause() == null) {
				throw new DatabaseBusyException(this.wait, timeout);
			}
			throw timeout;
		}
	}

	/**
	 * Spring MVC binds the request to the thread for as long as it is handled (filters
	 * included); listener, relay and scheduler threads have none.
	 */
	private static boolean servesARequest() {
		return RequestContextHolder.getRequestAttributes() != null;
	}

}
