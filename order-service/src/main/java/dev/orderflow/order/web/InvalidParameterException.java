package dev.orderflow.order.web;

/**
 * A query parameter or header has a value the API does not accept.
 */
class InvalidParameterException extends RuntimeException {

	private final String parameter;

	InvalidParameterException(String parameter, String reason) {
		super(reason);
		this.parameter = parameter;
	}

	String parameter() {
		return this.parameter;
	}

}
