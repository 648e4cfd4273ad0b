package dev.orderflow.order.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request body is larger than {@code orderflow.http.max-request-body}; rendered as a
 * 413 problem that names the limit. Thrown while the body is read, so Spring MVC's
 * exception handling renders it like any other problem.
 */
class RequestBodyTooLargeException extends ErrorResponseException {

	static final String LIMIT = "maxRequestBodyBytes";

	RequestBodyTooLargeException(long maxBytes) {
		super(HttpStatus.CONTENT_TOO_LARGE, problem(maxBytes), null);
	}

	private static ProblemDetail problem(long maxBytes) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"a request body has at most " + maxBytes + " bytes");
		problem.setTitle("Request body too large");
		problem.setProperty("limit", LIMIT);
		problem.setProperty("max", maxBytes);
		return problem;
	}

}
