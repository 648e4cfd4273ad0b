package dev.orderflow.schemaregistry.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A scripted stand-in for Confluent's registry on 127.0.0.1: answers each
 * {@code "METHOD /path?query"} with a canned status and body, and records what it
 * received.
 */
final class FakeConfluentRegistry implements AutoCloseable {

	record Answer(int status, String body) {
	}

	record Received(String method, String uri, String contentType, String accept, String authorization, String body) {
	}

	private final HttpServer server;

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	FakeConfluentRegistry() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String url() {
		return url("");
	}

	/** The URL with a user-info part, e.g. {@code "alice:secret@"}. */
	String url(String userInfo) {
		return "http://" + userInfo + "127.0.0.1:" + this.server.getAddress().getPort();
	}

	FakeConfluentRegistry answer(String request, int status, String body) {
		this.answers.put(request, new Answer(status, body));
		return this;
	}

	List<Received> received() {
		return this.received;
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String uri = exchange.getRequestURI().getRawPath() + ((exchange.getRequestURI().getRawQuery() != null)
				? "?" + exchange.getRequestURI().getRawQuery() : "");
		this.received.add(new Received(exchange.getRequestMethod(), uri,
				exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("Accept"),
				exchange.getRequestHeaders().getFirst("Authorization"), body));
		Answer answer = this.answers.getOrDefault(exchange.getRequestMethod() + " " + uri,
				new Answer(404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}"));
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE);
		exchange.sendResponseHeaders(answer.status(), bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
