package dev.orderflow.inventory.stock.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The requested SKU does not exist; rendered as a 404 problem.
 */
class UnknownSkuException extends ErrorResponseException {

	UnknownSkuException(String sku) {
		super(HttpStatus.NOT_FOUND, problem(sku), null);
	}

	private static ProblemDetail problem(String sku) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "unknown SKU: " + sku);
		problem.setTitle("Unknown SKU");
		problem.setProperty("sku", sku);
		return problem;
	}

}
