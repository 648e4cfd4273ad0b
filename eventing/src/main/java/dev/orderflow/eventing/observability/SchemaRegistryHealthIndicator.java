package dev.orderflow.eventing.observability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Checks that the schema registry answers {@code GET /subjects} within a short timeout:
 * without it a service can neither serialize a new event nor read one. An in-memory
 * {@code mock://} registry (tests) is always up.
 */
public class SchemaRegistryHealthIndicator extends AbstractHealthIndicator {

	private final String url;

	private final String userInfo;

	private final Duration timeout;

	private final HttpClient http;

	/**
	 * @param url the first of the configured {@code schema.registry.url}s
	 * @param userInfo {@code user:password} for basic authentication, or {@code null}
	 * @param timeout how long one check may take
	 */
	public SchemaRegistryHealthIndicator(String url, String userInfo, Duration timeout) {
		super("Schema registry health check failed");
		this.url = url;
		this.userInfo = userInfo;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		builder.withDetail("url", this.url);
		if (this.url.startsWith("mock://")) {
			builder.up();
			return;
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripSlash(this.url) + "/subjects"))
			.timeout(this.timeout)
			.header("Accept", "application/vnd.schemaregistry.v1+json");
		if (this.userInfo != null && !this.userInfo.isBlank()) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(this.userInfo.getBytes(StandardCharsets.UTF_8)));
		}
		int status = this.http.send(request.GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		builder.withDetail("status", status);
		if (status >= 200 && status < 300) {
			builder.up();
		}
		else {
			builder.down();
		}
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
