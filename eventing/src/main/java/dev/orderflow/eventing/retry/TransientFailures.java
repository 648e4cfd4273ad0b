package dev.orderflow.eventing.retry;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.errors.RetriableException;

import dev.orderflow.schemaregistry.client.SchemaRegistryException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure that will pass once a dependency is back from one that is the record's
 * own. The cause chain is walked from the outside in and the first exception that says
 * something decides, so the {@code DeserializationException} around an unreachable
 * registry is seen through.
 * <p>
 * Transient: a {@link DependencyUnavailableException}, by which a service says so itself
 * (e.g. notification-service for its SMTP server); the registry unreachable or answering
 * 5xx ({@link SchemaRegistryException#isTransient()}); the database unavailable
 * ({@link TransientDataAccessException}, which covers lock timeouts and deadlocks,
 * {@link DataAccessResourceFailureException}, {@link RecoverableDataAccessException},
 * {@link CannotCreateTransactionException}, JDBC's transient and recoverable exceptions,
 * and a connection failure, SQLSTATE class 08, wherever it sits in the chain: H2 reported
 * its closed database as the cause of a "check constraint invalid" integrity violation,
 * which alone would have dead-lettered every record while the database was away, ADR
 * 0017); Kafka's {@link RetriableException}s (timeouts); a connection refused, timed out
 * or unroutable to any host. Everything else, e.g. an unknown schema id or a constraint
 * violation, is not.
 */
public final class TransientFailures {

	private TransientFailures() {
	}

	/** Whether {@code failure} will likely pass by waiting. */
	public static boolean isTransient(Throwable failure) {
		return dependencyOf(failure).isPresent();
	}

	/**
	 * The dependency {@code failure} waits on, or empty when it is the record's own
	 * failure.
	 */
	public static Optional<Dependency> dependencyOf(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
			if (current instanceof TransientBatchFailureException batch) {
				return Optional.of(batch.dependency());
			}
			if (current instanceof DependencyUnavailableException unavailable) {
				return Optional.of(unavailable.dependency());
			}
			if (current instanceof SchemaRegistryException registry) {
				// an unknown id or subject is final: the registry answered
				return registry.isTransient() ? Optional.of(Dependency.SCHEMA_REGISTRY) : Optional.empty();
			}
			if (isDatabaseUnavailable(current)) {
				return Optional.of(Dependency.DATABASE);
			}
			if (current instanceof RetriableException) {
				return Optional.of(Dependency.KAFKA);
			}
			if (isUnreachable(current)) {
				return Optional.of(Dependency.NETWORK);
			}
		}
		return Optional.empty();
	}

	private static boolean isDatabaseUnavailable(Throwable failure) {
		return failure instanceof TransientDataAccessException || failure instanceof DataAccessResourceFailureException
				|| failure instanceof RecoverableDataAccessException
				|| failure instanceof CannotCreateTransactionException || failure instanceof SQLTransientException
				|| failure instanceof SQLRecoverableException || isConnectionFailure(failure);
	}

	private static boolean isConnectionFailure(Throwable failure) {
		return failure instanceof SQLNonTransientConnectionException || (failure instanceof SQLException sql
				&& sql.getSQLState() != null && sql.getSQLState().startsWith("08"));
	}

	private static boolean isUnreachable(Throwable failure) {
		return failure instanceof ConnectException || failure instanceof SocketException
				|| failure instanceof SocketTimeoutException || failure instanceof NoRouteToHostException
				|| failure instanceof UnknownHostException || failure instanceof HttpTimeoutException;
	}

}
