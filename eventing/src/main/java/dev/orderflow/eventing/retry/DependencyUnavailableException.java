package dev.orderflow.eventing.retry;

/**
 * Thrown by a service's own code when it knows a failure is a dependency's, not the
 * record's: the consumer waits for the dependency instead of dead-lettering the record.
 * For dependencies whose client library eventing cannot read by itself, such as
 * notification-service's SMTP server, whose failures Spring reports without a cause.
 */
public class DependencyUnavailableException extends RuntimeException {

	private final Dependency dependency;

	public DependencyUnavailableException(Dependency dependency, String message, Throwable cause) {
		super(message, cause);
		this.dependency = dependency;
	}

	/** What the consumer waits on. */
	public Dependency dependency() {
		return this.dependency;
	}

}
