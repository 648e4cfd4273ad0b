package dev.orderflow.inventory.system;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.Max;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import dev.orderflow.inventory.stock.StockLimitExceededException;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into an RFC 9457 problem: bad input names the field and the reason,
 * nothing ever shows a stack trace. Spring's base class covers the standard MVC errors.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidField> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ProblemDetailsAdvice::invalidField)
			.toList();
		return invalid(ex, errors, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// a @Valid body yields field errors; a constrained @PathVariable yields errors of
		// the parameter
		List<InvalidField> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> (result instanceof ParameterErrors bodyErrors)
					? bodyErrors.getFieldErrors().stream().map(ProblemDetailsAdvice::invalidField)
					: result.getResolvableErrors()
						.stream()
						.map((error) -> new InvalidField(result.getMethodParameter().getParameterName(),
								message(error))))
			.toList();
		return invalid(ex, errors, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = fieldOf(ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, (field != null)
				? field + ": has the wrong type or format" : "request body is missing or not valid JSON");
		problem.setTitle("Malformed request body");
		if (field != null) {
			problem.setProperty("errors", List.of(new InvalidField(field, "has the wrong type or format")));
		}
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler
	ProblemDetail limitExceeded(StockLimitExceededException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Stock limit exceeded");
		problem.setProperty("limit", ex.limit());
		problem.setProperty("max", ex.max());
		return problem;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail rejectedByDomain(IllegalArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid request");
		return problem;
	}

	@ExceptionHandler({ DuplicateKeyException.class, ConcurrencyFailureException.class })
	ProblemDetail conflict(RuntimeException ex) {
		log.info("Concurrent update rejected: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"the stock changed concurrently; retry the request");
		problem.setTitle("Concurrent update");
		return problem;
	}

	private ResponseEntity<Object> invalid(Exception ex, List<InvalidField> errors, HttpHeaders headers,
			WebRequest request) {
		String detail = String.join("; ", errors.stream().map((e) -> e.field() + ": " + e.message()).toList());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * The field and what is wrong; for a value above its {@code @Max}, also that limit
	 * and its value.
	 */
	private static InvalidField invalidField(FieldError error) {
		if (error.contains(ConstraintViolation.class) && error.unwrap(ConstraintViolation.class)
			.getConstraintDescriptor()
			.getAnnotation() instanceof Max max) {
			return new InvalidField(error.getField(), message(error), "maximum", max.value());
		}
		return new InvalidField(error.getField(), message(error));
	}

	private static String message(MessageSourceResolvable error) {
		if (error instanceof FieldError fieldError && fieldError.isBindingFailure()) {
			return "has the wrong type or format";
		}
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid";
	}

	/**
	 * The JSON property that could not be read, e.g. {@code quantity} for
	 * {"quantity":"ten"}.
	 */
	private static String fieldOf(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			return String.join(".", jackson.getPath()
				.stream()
				.map((ref) -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.toList());
		}
		return null;
	}

	/**
	 * One entry of the {@code errors} property of a 400 problem; a value beyond a limit
	 * also names the limit (the OpenAPI keyword that documents it, e.g. {@code maximum})
	 * and its value.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record InvalidField(String field, String message, String limit, Long max) {

		InvalidField(String field, String message) {
			this(field, message, null, null);
		}

	}

}
