package dev.orderflow.schemaregistry.client;

/**
 * A schema registry refused a request or could not be reached. Carries the HTTP status
 * and Confluent's error code, e.g. {@code 404}/{@value #SUBJECT_NOT_FOUND} for an unknown
 * subject or {@code 409}/{@value #INCOMPATIBLE_SCHEMA} for a schema the subject's
 * compatibility level refuses. Both are {@code 0} when no registry answered at all. A
 * failure that may pass by itself (no registry reachable, a timeout, a 5xx answer) is a
 * {@link SchemaRegistryUnavailableException}, and {@link #isTransient()} says so.
 */
public class SchemaRegistryException extends RuntimeException {

	/** Confluent's error code for an unknown subject. */
	public static final int SUBJECT_NOT_FOUND = 40401;

	/** Confluent's error code for an unknown version of a subject. */
	public static final int VERSION_NOT_FOUND = 40402;

	/**
	 * Confluent's error code for an unknown schema (id, or schema not under the subject).
	 */
	public static final int SCHEMA_NOT_FOUND = 40403;

	/** Confluent's error code for a schema refused by the compatibility check. */
	public static final int INCOMPATIBLE_SCHEMA = 409;

	/** Confluent's error code for a schema that does not parse. */
	public static final int INVALID_SCHEMA = 42201;

	/** Confluent's error code for a malformed version. */
	public static final int INVALID_VERSION = 42202;

	/** Confluent's error code for an unknown compatibility level. */
	public static final int INVALID_COMPATIBILITY_LEVEL = 42203;

	private final int httpStatus;

	private final int errorCode;

	public SchemaRegistryException(int httpStatus, int errorCode, String message) {
		this(httpStatus, errorCode, message, null);
	}

	public SchemaRegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
		super(message, cause);
		this.httpStatus = httpStatus;
		this.errorCode = errorCode;
	}

	/** HTTP status of the registry's answer; {@code 0} when no registry answered. */
	public int httpStatus() {
		return this.httpStatus;
	}

	/**
	 * Confluent's error code, e.g. {@value #SUBJECT_NOT_FOUND}; {@code 0} when none was
	 * given.
	 */
	public int errorCode() {
		return this.errorCode;
	}

	/** Whether the registry said the subject, version or schema does not exist. */
	public boolean isNotFound() {
		return this.httpStatus == 404 || this.errorCode == SUBJECT_NOT_FOUND || this.errorCode == VERSION_NOT_FOUND
				|| this.errorCode == SCHEMA_NOT_FOUND;
	}

	/**
	 * Whether the same request may succeed later without anything being changed: true
	 * only for {@link SchemaRegistryUnavailableException}. An unknown subject or id, or a
	 * schema the registry refuses, stays what it is.
	 */
	public boolean isTransient() {
		return false;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[httpStatus=" + this.httpStatus + ", errorCode=" + this.errorCode + "]: "
				+ getMessage();
	}

}
