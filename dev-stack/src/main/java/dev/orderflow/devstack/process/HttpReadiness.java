package dev.orderflow.devstack.process;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Ready when Spring Boot's readiness probe answers 200 with status UP.
 */
public final class HttpReadiness implements Readiness {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final URI uri;

	public HttpReadiness(int port) {
		this.uri = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
	}

	@Override
	public boolean isReady() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(this.uri).timeout(Duration.ofSeconds(3)).GET().build();
		HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		return response.statusCode() == 200 && response.body().contains("UP");
	}

}
