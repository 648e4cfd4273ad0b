package dev.orderflow.registry.web;

import org.springframework.http.HttpStatus;

/**
 * A failure the client sees as Confluent's error body: an HTTP status plus Confluent's
 * error code, e.g. 404 / 40401 for an unknown subject.
 */
public class RegistryException extends RuntimeException {

	private final HttpStatus status;

	private final int errorCode;

	public RegistryException(HttpStatus status, int errorCode, String message) {
		super(message);
		this.status = status;
		this.errorCode = errorCode;
	}

	public RegistryException(HttpStatus status, int errorCode, String message, Throwable cause) {
		super(message, cause);
		this.status = status;
		this.errorCode = errorCode;
	}

	public HttpStatus status() {
		return this.status;
	}

	public int errorCode() {
		return this.errorCode;
	}

}
