package dev.orderflow.devstack.process;

/**
 * A process of the stack could not be started or did not become ready; the message says
 * which and why and ends with the last lines of its log.
 */
public class StartupException extends RuntimeException {

	public StartupException(String message) {
		super(message);
	}

	public StartupException(String message, Throwable cause) {
		super(message, cause);
	}

}
