package dev.orderflow.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny HTTP client for the tests: sends what Confluent's clients send and hands back
 * the status, content type and JSON body.
 */
final class RegistryHttp {

	static final String V1_JSON = "application/vnd.schemaregistry.v1+json";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final String authorization;

	RegistryHttp(int port) {
		this("http://127.0.0.1:" + port, null);
	}

	private RegistryHttp(String baseUrl, String authorization) {
		this.baseUrl = baseUrl;
		this.authorization = authorization;
	}

	/**
	 * The same registry, called with basic auth credentials as
	 * {@code basic.auth.user.info} sends them.
	 */
	RegistryHttp as(String user, String password) {
		String token = java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return new RegistryHttp(this.baseUrl, "Basic " + token);
	}

	/**
	 * {@code http://127.0.0.1:<port>}, e.g. for a serializer's
	 * {@code schema.registry.url}.
	 */
	String baseUrl() {
		return this.baseUrl;
	}

	Response get(String path) {
		return send(request(path).GET());
	}

	Response post(String path, Object body) {
		return post(path, body, V1_JSON);
	}

	Response post(String path, Object body, String contentType) {
		return send(request(path).header("Content-Type", contentType).POST(BodyPublishers.ofString(text(body))));
	}

	Response put(String path, Object body) {
		return send(request(path).header("Content-Type", V1_JSON).PUT(BodyPublishers.ofString(text(body))));
	}

	Response delete(String path) {
		return send(request(path).DELETE());
	}

	static String text(Object body) {
		return (body instanceof String string) ? string : json.writeValueAsString(body);
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30));
		return (this.authorization != null) ? request.header("Authorization", this.authorization) : request;
	}

	private Response send(HttpRequest.Builder request) {
		try {
			var response = this.client.send(request.build(), BodyHandlers.ofString());
			String contentType = response.headers().firstValue("Content-Type").orElse("");
			boolean isJson = contentType.contains("json") && !response.body().isEmpty();
			JsonNode body = isJson ? json.readTree(response.body()) : null;
			return new Response(response.statusCode(), contentType, body, response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, String contentType, JsonNode body, String text) {

		int errorCode() {
			return this.body.get("error_code").asInt();
		}

	}

}
