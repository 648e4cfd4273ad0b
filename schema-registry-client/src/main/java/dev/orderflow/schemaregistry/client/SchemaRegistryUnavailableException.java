package dev.orderflow.schemaregistry.client;

/**
 * No schema registry could answer the request: none was reachable, the request timed out,
 * or the registry answered that it cannot serve now (HTTP 5xx, 408 or 429). The same
 * request may succeed later, so a consumer should wait and retry rather than give the
 * record up as unreadable.
 */
public class SchemaRegistryUnavailableException extends SchemaRegistryException {

	public SchemaRegistryUnavailableException(int httpStatus, int errorCode, String message, Throwable cause) {
		super(httpStatus, errorCode, message, cause);
	}

	@Override
	public boolean isTransient() {
		return true;
	}

	/**
	 * Whether an HTTP status says "not now" rather than "never": 5xx, 408 Request
	 * Timeout, 429.
	 */
	static boolean isTransientStatus(int httpStatus) {
		return httpStatus >= 500 || httpStatus == 408 || httpStatus == 429;
	}

}
