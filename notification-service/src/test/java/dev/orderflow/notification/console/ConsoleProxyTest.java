package dev.orderflow.notification.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orderflow.notification.web.NotificationAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console proxy against a fake order-service (a JDK HTTP server on 127.0.0.1) and an
 * inventory-service that is down.
 */
@WebMvcTest(ConsoleProxy.class)
@Import(NotificationAccess.class)
class ConsoleProxyTest {

	private static final FakeService orderService = new FakeService();

	private static final CountDownLatch releaseSlowAnswers = new CountDownLatch(1);

	@Autowired
	private MockMvcTester mvc;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("orderflow.console.order-service-url", orderService::baseUrl);
		registry.add("orderflow.console.inventory-service-url", () -> "http://127.0.0.1:" + closedPort());
		// generous for a busy CI machine, short enough for the timeout test
		registry.add("orderflow.console.read-timeout", () -> "3s");
	}

	@AfterAll
	static void stopFakes() {
		releaseSlowAnswers.countDown();
		orderService.stop();
	}

	@Test
	void passesAGetThroughWithItsQueryStatusAndBody() {
		orderService.answer("/api/orders", 200, "application/json", "[{\"orderId\":\"o-1\"}]");

		assertThat(this.mvc.get().uri("/console/api/orders?limit=50")).hasStatusOk()
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.extractingPath("$[0].orderId")
			.isEqualTo("o-1");
		assertThat(orderService.lastRequest()).isEqualTo("GET /api/orders?limit=50 ");
	}

	@Test
	void passesAPostWithItsBodyAndRewritesTheLocation() {
		orderService.answer("/api/orders/o-2/cancel", 202, "application/json", "{\"status\":\"CONFIRMED\"}");

		assertThat(this.mvc.post()
			.uri("/console/api/orders/o-2/cancel")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"why\":\"test\"}")).hasStatus(202)
			.hasHeader("Location", "/console/api/orders/o-2")
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("CONFIRMED");
		assertThat(orderService.lastRequest()).startsWith("POST /api/orders/o-2/cancel application/json")
			.endsWith(" {\"why\":\"test\"}");
	}

	@Test
	void passesAProblemThroughWithItsStatusAndContentType() {
		orderService.answer("/api/orders/nope", 404, "application/problem+json",
				"{\"title\":\"Order not found\",\"status\":404}");

		assertThat(this.mvc.get().uri("/console/api/orders/nope")).hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Order not found");
	}

	@Test
	void answersAServiceThatIsDownWithABadGatewayProblemNamingIt() {
		assertThat(this.mvc.get().uri("/console/api/stock")).hasStatus(502)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.service").isEqualTo("inventory-service");
				assertThat(json).extractingPath("$.detail").asString().contains("inventory-service is unreachable");
			});
	}

	@Test
	void answersAServiceThatDoesNotAnswerInTimeWithAGatewayTimeout() {
		orderService.answerSlowly("/api/orders/slow", releaseSlowAnswers);

		assertThat(this.mvc.get().uri("/console/api/orders/slow")).hasStatus(504)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.service")
			.isEqualTo("order-service");
	}

	@Test
	void proxiesDeadLettersOfAKnownServiceOnly() {
		orderService.answer("/api/dead-letters", 200, "application/json", "[]");

		assertThat(this.mvc.get().uri("/console/api/dead-letters/order-service")).hasStatusOk()
			.hasBodyTextEqualTo("[]");
		assertThat(this.mvc.get().uri("/console/api/dead-letters/payment-service")).hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void refusesPathsThatClimbOutOfTheProxiedApi() {
		// as sent, not re-encoded by the URI template
		assertThat(this.mvc.get().uri(URI.create("/console/api/orders/%2e%2e/%2e%2e/actuator/env"))).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(orderService.lastRequest()).doesNotContain("actuator");
	}

	// The slice does not run the application's @ConfigurationPropertiesScan.
	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ConsoleProperties.class)
	static class Properties {

	}

	private static int closedPort() {
		// Bound and closed again: nothing listens there, so connecting is refused at
		// once.
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A stand-in for a service: canned answers per path, and the last request it got. */
	static final class FakeService {

		private final HttpServer server;

		private final Map<String, String[]> answers = new ConcurrentHashMap<>();

		private volatile String lastRequest = "";

		private volatile CountDownLatch slowRelease = new CountDownLatch(0);

		FakeService() {
			try {
				this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.server.setExecutor(Executors.newCachedThreadPool());
			this.server.createContext("/", this::handle);
			this.server.start();
		}

		String baseUrl() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort();
		}

		void answer(String path, int status, String contentType, String body) {
			this.answers.put(path, new String[] { String.valueOf(status), contentType, body });
		}

		void answerSlowly(String path, CountDownLatch release) {
			this.answers.put(path, new String[] { "slow" });
			this.slowRelease = release;
		}

		String lastRequest() {
			return this.lastRequest;
		}

		void stop() {
			this.server.stop(0);
		}

		private void handle(HttpExchange exchange) throws IOException {
			String path = exchange.getRequestURI().getRawPath();
			String query = exchange.getRequestURI().getRawQuery();
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
			this.lastRequest = exchange.getRequestMethod() + " " + path + ((query != null) ? "?" + query : "") + " "
					+ ((contentType != null) ? contentType + " " + body : body);
			String[] answer = this.answers.get(path);
			if (answer == null) {
				exchange.sendResponseHeaders(404, -1);
				exchange.close();
				return;
			}
			if (answer[0].equals("slow")) {
				awaitRelease();
				exchange.close();
				return;
			}
			byte[] bytes = answer[2].getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", answer[1]);
			if (path.endsWith("/cancel")) {
				exchange.getResponseHeaders().set("Location", path.substring(0, path.length() - "/cancel".length()));
			}
			exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		}

		private void awaitRelease() {
			try {
				this.slowRelease.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
