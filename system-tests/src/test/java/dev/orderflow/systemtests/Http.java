package dev.orderflow.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON-over-HTTP client for the black-box tests, talking only to 127.0.0.1. Every
 * call carries the token of the user it needs (ADR 0016): an order is placed by the
 * customer its body names, and cancelled by the customer who placed it; everything else
 * is asked by the operator, who may read all. {@link #as} pins one token (or none), for
 * the role matrix.
 */
final class Http {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final Pattern CUSTOMER = Pattern.compile("\"customerId\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern ORDER_PATH = Pattern.compile("/api/orders/([0-9a-f-]{36})/cancel");

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	// who placed each order through this client: that customer cancels it
	private final Map<String, String> placedBy = new ConcurrentHashMap<>();

	private final Supplier<String> pinned;

	Http() {
		this(null);
	}

	private Http(Supplier<String> pinned) {
		this.pinned = pinned;
	}

	/** A client that sends this token on every call; {@code null} sends none. */
	static Http as(String token) {
		return new Http(() -> token);
	}

	Response get(int port, String path) {
		return send(() -> HttpRequest.newBuilder(uri(port, path)).GET(), tokenFor(path, null));
	}

	Response post(int port, String path, String json) {
		Response response = send(() -> HttpRequest.newBuilder(uri(port, path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)), tokenFor(path, json));
		Matcher customer = CUSTOMER.matcher(json);
		if (path.equals("/api/orders") && response.location() != null && customer.find()) {
			this.placedBy.put(response.location().substring(response.location().lastIndexOf('/') + 1),
					customer.group(1));
		}
		return response;
	}

	private Supplier<String> tokenFor(String path, String json) {
		if (this.pinned != null) {
			return this.pinned;
		}
		if (!path.startsWith("/api/")) {
			// health, metrics, the registry: no token
			return () -> null;
		}
		Matcher customer = (json != null && path.equals("/api/orders")) ? CUSTOMER.matcher(json) : null;
		if (customer != null && customer.find()) {
			String id = customer.group(1);
			return () -> Tokens.customer(id);
		}
		Matcher cancel = ORDER_PATH.matcher(path);
		if (json != null && cancel.find()) {
			String id = this.placedBy.getOrDefault(cancel.group(1), "c-1");
			return () -> Tokens.customer(id);
		}
		return Tokens::operator;
	}

	private Response send(Supplier<HttpRequest.Builder> request, Supplier<String> token) {
		String bearer = token.get();
		Response response = sendOnce(request.get(), bearer);
		if (response.status() == 401 && bearer != null && this.pinned == null) {
			// expired, or a new stack's authorization server: sign in again, once
			Tokens.forget(bearer);
			response = sendOnce(request.get(), token.get());
		}
		return response;
	}

	private Response sendOnce(HttpRequest.Builder request, String bearer) {
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		try {
			HttpResponse<String> response = this.client.send(request.timeout(Duration.ofSeconds(15)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Location").orElse(null),
					response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("WWW-Authenticate").orElse(null));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	record Response(int status, String body, String location, String contentType, String wwwAuthenticate) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
