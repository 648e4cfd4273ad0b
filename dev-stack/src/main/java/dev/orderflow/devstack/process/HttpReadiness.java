package dev.orderflow.devstack.process;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ready when Spring Boot's readiness probe answers 200 with status UP.
 */
public final class HttpReadiness implements Readiness {

	/**
	 * A component of the readiness group whose status is not UP, e.g.
	 * {@code "kafka":{"status":"DOWN"}}.
	 */
	private static final Pattern NOT_UP = Pattern.compile("\"([A-Za-z0-9_-]+)\":\\{\"status\":\"(?!UP\")([A-Z_]+)\"");

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final URI uri;

	public HttpReadiness(int port) {
		this.uri = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
	}

	@Override
	public boolean isReady() throws Exception {
		HttpResponse<String> response = probe();
		return response.statusCode() == 200 && response.body().contains("UP");
	}

	/**
	 * The components that keep the service from being ready, as the readiness probe names
	 * them (e.g. {@code kafka DOWN}); empty when it is ready or names none.
	 */
	public List<String> notReadyComponents() throws Exception {
		List<String> components = new ArrayList<>();
		Matcher matcher = NOT_UP.matcher(probe().body());
		while (matcher.find()) {
			components.add(matcher.group(1) + " " + matcher.group(2));
		}
		return components;
	}

	private HttpResponse<String> probe() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(this.uri).timeout(Duration.ofSeconds(3)).GET().build();
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
