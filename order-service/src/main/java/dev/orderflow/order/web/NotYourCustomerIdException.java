package dev.orderflow.order.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 403: a customer placed an order naming another customer; the token's subject is who
 * orders.
 */
class NotYourCustomerIdException extends ErrorResponseException {

	NotYourCustomerIdException(String customerId, String caller) {
		super(HttpStatus.FORBIDDEN, problem(customerId, caller), null);
	}

	private static ProblemDetail problem(String customerId, String caller) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "You are signed in as " + caller
				+ " and may place orders only with \"customerId\":\"" + caller + "\", not \"" + customerId + "\"");
		problem.setTitle("Not your customer id");
		problem.setType(URI.create("about:blank"));
		return problem;
	}

}
