package dev.orderflow.registry.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns every failure into Confluent's error body with the matching HTTP status, so
 * clients written for Confluent's registry can read it, and never leaks a stack trace.
 */
@RestControllerAdvice
class RegistryExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(RegistryExceptionHandler.class);

	@ExceptionHandler
	ResponseEntity<ErrorBody> registry(RegistryException ex) {
		if (ex.status().is5xxServerError()) {
			log.error("Registry request failed: {}", ex.getMessage(), ex);
		}
		return body(ex.status(), ex.errorCode(), ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException ex) {
		// Confluent answers malformed JSON with a plain 400 whose code mirrors the
		// status.
		return body(HttpStatus.BAD_REQUEST, 400, "Unrecognized request body: " + rootMessage(ex));
	}

	@ExceptionHandler
	ResponseEntity<ErrorBody> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return body(HttpStatus.BAD_REQUEST, 400,
				"Invalid value '" + ex.getValue() + "' for parameter '" + ex.getName() + "'");
	}

	@ExceptionHandler
	ResponseEntity<ErrorBody> unexpected(Exception ex) {
		if (ex instanceof ErrorResponse springError) {
			return spring(springError);
		}
		log.error("Unexpected registry failure", ex);
		return body(HttpStatus.INTERNAL_SERVER_ERROR, 50001, "Error in the backend data store");
	}

	private ResponseEntity<ErrorBody> spring(ErrorResponse ex) {
		// Unknown routes, wrong methods, unsupported media types: Confluent answers "HTTP
		// 404 Not Found".
		HttpStatusCode status = ex.getStatusCode();
		HttpStatus resolved = HttpStatus.resolve(status.value());
		String reason = (resolved != null) ? resolved.getReasonPhrase() : "Error";
		return body(status, status.value(), "HTTP " + status.value() + " " + reason);
	}

	private static ResponseEntity<ErrorBody> body(HttpStatusCode status, int code, String message) {
		return ResponseEntity.status(status).contentType(RegistryMediaTypes.V1_JSON).body(new ErrorBody(code, message));
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause.getMessage();
		if (message == null) {
			return cause.getClass().getSimpleName();
		}
		// Jackson appends the source location on new lines; the first line says what is
		// wrong.
		int newline = message.indexOf('\n');
		return (newline > 0) ? message.substring(0, newline) : message;
	}

}
