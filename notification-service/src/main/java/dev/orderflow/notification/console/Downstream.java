package dev.orderflow.notification.console;

import java.net.URI;
import java.net.http.HttpClient;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * A service the console proxies to: its name (for error messages) and a client bound to
 * its base URL with the console's timeouts.
 */
record Downstream(String name, String baseUrl, RestClient client) {

	static Downstream of(String name, String baseUrl, ConsoleProperties properties) {
		// HTTP/1.1: no h2c upgrade attempts against plain-HTTP services.
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(properties.readTimeout());
		String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		return new Downstream(name, base, RestClient.builder().requestFactory(requests).build());
	}

	URI uri(String pathAndQuery) {
		return URI.create(this.baseUrl + pathAndQuery);
	}

}
