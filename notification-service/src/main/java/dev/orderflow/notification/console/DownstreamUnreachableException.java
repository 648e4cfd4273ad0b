package dev.orderflow.notification.console;

/**
 * A proxied service did not answer: refused, unknown host or timed out.
 */
class DownstreamUnreachableException extends RuntimeException {

	private final String service;

	private final boolean timedOut;

	DownstreamUnreachableException(String service, boolean timedOut, Throwable cause) {
		super(service + (timedOut ? " did not answer in time" : " is unreachable"), cause);
		this.service = service;
		this.timedOut = timedOut;
	}

	String service() {
		return this.service;
	}

	boolean timedOut() {
		return this.timedOut;
	}

}
