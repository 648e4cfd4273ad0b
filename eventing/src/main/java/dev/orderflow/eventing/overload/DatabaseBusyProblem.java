package dev.orderflow.eventing.overload;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a request that found the database busy (no free connection, or data locked by
 * other work past the database's lock timeout) with 503, {@code Retry-After} and an RFC
 * 9457 problem saying so, in every service. It comes before each service's own advice
 * (order-service's answers any other exception with a 500) and finds the
 * {@link DatabaseBusyException} inside Spring's {@code CannotCreateTransactionException}
 * or {@code CannotGetJdbcConnectionException}.
 */
@RestControllerAdvice
class DatabaseBusyProblem implements Ordered {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseBusyProblem.class);

	/** Under overload every request fails the same way: one log line per interval. */
	private static final long LOG_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

	private final Duration retryAfter;

	private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

	private final AtomicLong unlogged = new AtomicLong();

	DatabaseBusyProblem(DatabaseWaitProperties properties) {
		this.retryAfter = properties.retryAfter();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> databaseBusy(DatabaseBusyException ex) {
		return busy("every connection stayed in use while this request waited for one", ex);
	}

	/**
	 * A row or table the request needs stayed locked by other work (a listener's
	 * transaction) longer than the database lets a statement wait: H2's
	 * {@code LOCK_TIMEOUT}, PostgreSQL's {@code lock_timeout}, a deadlock's loser.
	 * Nothing was changed, so the same request can simply be sent again.
	 */
	@ExceptionHandler({ PessimisticLockingFailureException.class, QueryTimeoutException.class })
	ResponseEntity<ProblemDetail> dataLocked(DataAccessException ex) {
		return busy("data this request needs stayed locked by other work for longer than it may wait", ex);
	}

	private ResponseEntity<ProblemDetail> busy(String why, Exception ex) {
		log(ex);
		long seconds = this.retryAfter.toSeconds();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The database is busy: " + why + ". Retry in " + seconds + " seconds.");
		problem.setTitle("Database busy");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(problem);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	private void log(Exception ex) {
		long now = System.nanoTime();
		long last = this.lastLogged.get();
		if (now - last >= LOG_INTERVAL_NANOS && this.lastLogged.compareAndSet(last, now)) {
			logger.warn("Answered 503, database busy ({} more since the last report): {}", this.unlogged.getAndSet(0),
					ex.getMessage());
		}
		else {
			this.unlogged.incrementAndGet();
		}
	}

}
