package dev.orderflow.eventing.retry;

/**
 * What a consumer waits on when a failure is transient; {@link #tag()} is the
 * {@code reason} of the {@code orderflow.consumer.retries} counter and of the health
 * detail.
 */
public enum Dependency {

	/** The registry could not be reached, timed out, or answered 5xx. */
	SCHEMA_REGISTRY("schema-registry"),

	/** No connection, a failed transaction start, a lock timeout or a deadlock. */
	DATABASE("database"),

	/** The SMTP server could not be reached. */
	MAIL("mail"),

	/** A Kafka client operation timed out or hit a retriable error. */
	KAFKA("kafka"),

	/** Some other remote host could not be reached. */
	NETWORK("network"),

	/**
	 * The poll as a whole failed outside any record, e.g. its transaction could not begin
	 * or commit.
	 */
	POLL("poll");

	private final String tag;

	Dependency(String tag) {
		this.tag = tag;
	}

	/** The metric tag and health detail value, e.g. {@code schema-registry}. */
	public String tag() {
		return this.tag;
	}

}
