package dev.orderflow.notification.console;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The console's same-origin proxy: {@code /console/api/orders/**} to order-service,
 * {@code /console/api/stock/**} to inventory-service and
 * {@code /console/api/dead-letters/{service}/**} to that service's dead-letter API.
 * Method, body, status and content type (problem details included) pass through
 * unchanged; a service that does not answer becomes a 502 (or 504 on a timeout) problem
 * naming it.
 */
@RestController
@RequestMapping("/console/api")
class ConsoleProxy {

	private static final Logger log = LoggerFactory.getLogger(ConsoleProxy.class);

	private static final String PREFIX = "/console";

	// Authorization: the signed-in user's token, so that each service decides what this
	// user may do
	private static final List<String> FORWARDED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
			"Idempotency-Key", HttpHeaders.AUTHORIZATION);

	// Plain path characters only: no dot-segments that could climb out of /api/orders on
	// the service.
	private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_~%-][A-Za-z0-9._~%-]*)*/?");

	private final Downstream orders;

	private final Downstream inventory;

	private final Map<String, Downstream> deadLetters;

	ConsoleProxy(ConsoleProperties properties) {
		this.orders = Downstream.of("order-service", properties.orderServiceUrl(), properties);
		this.inventory = Downstream.of("inventory-service", properties.inventoryServiceUrl(), properties);
		this.deadLetters = Map.of(this.orders.name(), this.orders, this.inventory.name(), this.inventory);
	}

	@RequestMapping({ "/orders", "/orders/**" })
	ResponseEntity<byte[]> orders(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
		return forward(this.orders, pathAfter(request, PREFIX), request, body);
	}

	@RequestMapping({ "/stock", "/stock/**" })
	ResponseEntity<byte[]> stock(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
		return forward(this.inventory, pathAfter(request, PREFIX), request, body);
	}

	@RequestMapping({ "/dead-letters/{service}", "/dead-letters/{service}/**" })
	ResponseEntity<?> deadLetters(@PathVariable String service, HttpServletRequest request,
			@RequestBody(required = false) byte[] body) {
		Downstream downstream = this.deadLetters.get(service);
		if (downstream == null) {
			return problem(HttpStatus.NOT_FOUND, "Unknown service",
					"service must be one of " + this.deadLetters.keySet() + " but was '" + service + "'");
		}
		String rest = pathAfter(request, PREFIX + "/api/dead-letters/" + service);
		return forward(downstream, "/api/dead-letters" + rest, request, body);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreachable(DownstreamUnreachableException ex) {
		log.warn("Console proxy: {}", ex.getMessage());
		return ex.timedOut()
				? problem(HttpStatus.GATEWAY_TIMEOUT, "Service did not answer", ex.getMessage(), ex.service())
				: problem(HttpStatus.BAD_GATEWAY, "Service unreachable", ex.getMessage(), ex.service());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unsafePath(UnsafePathException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid path", ex.getMessage());
	}

	private ResponseEntity<byte[]> forward(Downstream downstream, String path, HttpServletRequest request,
			byte[] body) {
		String query = request.getQueryString();
		RestClient.RequestBodySpec call = downstream.client()
			.method(HttpMethod.valueOf(request.getMethod()))
			.uri(downstream.uri((query != null) ? path + "?" + query : path))
			.headers((headers) -> FORWARDED_HEADERS.forEach((name) -> {
				String value = request.getHeader(name);
				if (value != null) {
					headers.set(name, value);
				}
			}));
		if (body != null && body.length > 0) {
			call.body(body);
		}
		try {
			return call.exchange((clientRequest, response) -> {
				HttpHeaders headers = new HttpHeaders();
				String challenge = response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE);
				if (challenge != null) {
					headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
				}
				if (response.getHeaders().getContentType() != null) {
					headers.setContentType(response.getHeaders().getContentType());
				}
				String location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
				if (location != null && location.startsWith("/api/")) {
					headers.set(HttpHeaders.LOCATION, PREFIX + location);
				}
				return ResponseEntity.status(response.getStatusCode())
					.headers(headers)
					.body(response.getBody().readAllBytes());
			});
		}
		catch (ResourceAccessException ex) {
			throw new DownstreamUnreachableException(downstream.name(), timedOut(ex), ex);
		}
	}

	// The path of the request after the given prefix, still URL-encoded as the browser
	// sent it.
	private static String pathAfter(HttpServletRequest request, String prefix) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String rest = path.substring(Math.min(prefix.length(), path.length()));
		if (!SAFE_PATH.matcher(rest).matches() || rest.toLowerCase(Locale.ROOT).contains("%2e")) {
			throw new UnsafePathException(
					"path '" + rest + "' has characters or segments the console does not pass on");
		}
		return rest;
	}

	private static boolean timedOut(ResourceAccessException ex) {
		Throwable cause = ex.getCause();
		return cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException;
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
		return problem(status, title, detail, null);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
			String service) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (service != null) {
			problem.setProperty("service", service);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** A path the proxy refuses to pass on. */
	static class UnsafePathException extends RuntimeException {

		UnsafePathException(String message) {
			super(message);
		}

	}

}
