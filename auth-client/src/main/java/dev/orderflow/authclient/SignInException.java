package dev.orderflow.authclient;

/**
 * The authorization server refused the sign-in or the code exchange, or could not be
 * reached.
 */
public class SignInException extends RuntimeException {

	public SignInException(String message) {
		super(message);
	}

	public SignInException(String message, Throwable cause) {
		super(message, cause);
	}

}
