package dev.orderflow.order.web;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderflow.order.IllegalOrderTransitionException;
import dev.orderflow.order.OrderNotFoundException;
import dev.orderflow.order.idempotency.IdempotencyKeyReusedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every failed request with an RFC 9457 problem: a 4xx that names the field and
 * the reason for bad input, and a bare 500 without internals for anything else. Spring
 * MVC's own exceptions (415, 405, 404 for unknown paths...) come out as problems too.
 */
@RestControllerAdvice
class OrderProblems extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(OrderProblems.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		ex.getBindingResult().getFieldErrors().forEach((error) -> problems.add(FieldProblem.of(error)));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> problems.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
		return invalid(problems);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// Jackson wraps what the body's stream throws; a body over the cap is still a 413
		RequestBodyTooLargeException tooLarge = causeOfType(ex, RequestBodyTooLargeException.class);
		if (tooLarge != null) {
			return handleErrorResponseException(tooLarge, tooLarge.getHeaders(), tooLarge.getStatusCode(), request);
		}
		return invalid(List.of(unreadable(ex)));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex.getPropertyName() != null) ? ex.getPropertyName() : "parameter";
		Class<?> type = ex.getRequiredType();
		String expected = (type == UUID.class) ? "a UUID"
				: (type != null && type.isEnum()) ? "one of " + Arrays.toString(type.getEnumConstants())
						: "a " + ((type != null) ? type.getSimpleName() : "value of another type");
		return invalid(List.of(new FieldProblem(field, "must be " + expected + " but was '" + ex.getValue() + "'")));
	}

	@ExceptionHandler
	ResponseEntity<Object> invalidParameter(InvalidParameterException ex) {
		return invalid(List.of(new FieldProblem(ex.parameter(), ex.getMessage())));
	}

	@ExceptionHandler
	ResponseEntity<Object> limitExceeded(LimitExceededException ex) {
		return invalid(List.of(new FieldProblem(ex.field(), ex.getMessage(), ex.limit(), ex.max())));
	}

	@ExceptionHandler
	ProblemDetail orderNotFound(OrderNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Order not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail illegalTransition(IllegalOrderTransitionException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "Order cannot change that way", ex.getMessage());
		problem.setProperty("orderStatus", ex.status());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail concurrentChange(OptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT, "Order changed concurrently",
				"The order changed while this request was handled; retry it");
	}

	@ExceptionHandler
	ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		logger.error("Request failed unexpectedly", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request could not be completed");
	}

	private static FieldProblem unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String type = (mismatch.getTargetType() != null) ? mismatch.getTargetType().getSimpleName()
					: "another type";
			return new FieldProblem(path(mismatch), "has the wrong type: expected " + type);
		}
		if (cause instanceof StreamReadException malformed) {
			return new FieldProblem("body", "is not valid JSON: " + malformed.getOriginalMessage());
		}
		if (cause instanceof JacksonException jackson) {
			return new FieldProblem("body", "could not be read: " + jackson.getOriginalMessage());
		}
		return new FieldProblem("body", "is missing or unreadable");
	}

	private static <T extends Throwable> T causeOfType(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	// Jackson's path ("lines"[0]."quantity") in the same shape as the validation errors:
	// lines[0].quantity
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static ResponseEntity<Object> invalid(List<FieldProblem> problems) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
				problems.stream().map((p) -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
		problem.setProperty("errors", problems);
		return ResponseEntity.badRequest().body(problem);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	/**
	 * One bad input: the JSON path, query parameter or header, and what is wrong with it;
	 * when it goes beyond a limit, also the limit's name (the OpenAPI keyword that
	 * documents it: {@code maxLength}, {@code maxItems}, {@code maximum}) and its value.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record FieldProblem(String field, String message, String limit, Long max) {

		FieldProblem(String field, String message) {
			this(field, message, null, null);
		}

		static FieldProblem of(FieldError error) {
			if (!error.contains(ConstraintViolation.class)) {
				return new FieldProblem(error.getField(), error.getDefaultMessage());
			}
			ConstraintViolation<?> violation = error.unwrap(ConstraintViolation.class);
			Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
			Object value = violation.getInvalidValue();
			if (constraint instanceof Size size && value instanceof CharSequence text && text.length() > size.max()) {
				return new FieldProblem(error.getField(), error.getDefaultMessage(), "maxLength", (long) size.max());
			}
			if (constraint instanceof Size size && value instanceof Collection<?> items && items.size() > size.max()) {
				return new FieldProblem(error.getField(), error.getDefaultMessage(), "maxItems", (long) size.max());
			}
			if (constraint instanceof Max max) {
				return new FieldProblem(error.getField(), error.getDefaultMessage(), "maximum", max.value());
			}
			return new FieldProblem(error.getField(), error.getDefaultMessage());
		}

	}

}
