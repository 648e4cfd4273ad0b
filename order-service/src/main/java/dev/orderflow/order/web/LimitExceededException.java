package dev.orderflow.order.web;

/**
 * A field of the request goes beyond one of the API's limits; answered 400 with the
 * field, the limit's name and its value, so that a client can fix the request without
 * guessing.
 */
class LimitExceededException extends RuntimeException {

	private final String field;

	private final String limit;

	private final long max;

	LimitExceededException(String field, String limit, long max, String message) {
		super(message);
		this.field = field;
		this.limit = limit;
		this.max = max;
	}

	String field() {
		return this.field;
	}

	String limit() {
		return this.limit;
	}

	long max() {
		return this.max;
	}

}
