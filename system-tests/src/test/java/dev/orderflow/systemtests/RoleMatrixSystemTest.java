package dev.orderflow.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.orderflow.authclient.DemoUser;
import dev.orderflow.authclient.TokenClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what, against the packaged stack and its real authorization server (ADR
 * 0016): every endpoint of the three services × {no token, expired token, token for
 * another audience, customer c-1, the other customer c-2, operator}. Each cell must
 * answer what docs/security.md says (401 with {@code WWW-Authenticate}, 403, 404 for
 * another's order, or 2xx), as RFC 9457 problems when refused, and no cell may answer
 * 5xx. The expired and wrong-audience tokens come from the authorization server itself
 * (its test clients), signed with its real key: only the claim under test is wrong.
 * <p>
 * It runs on the shared stack after the classes that count or compare what they placed:
 * every cell asks about its own orders and its own token, whatever the classes before
 * placed, and what it changes (one unit restocked, a replay of an empty dead-letter
 * topic) changes nothing the labs after it show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(4) // after the classes that count: it restocks and replays dead letters
@ExtendWith(SharedStack.class)
class RoleMatrixSystemTest {

	private static final int ORDERS = 8080;

	private static final int INVENTORY = 8082;

	private static final int NOTIFICATIONS = 8083;

	private static final String C1_ORDER = """
			{"customerId":"c-1","customerEmail":"matrix@example.com","lines":[{"sku":"SKU-001","quantity":1}]}""";

	private static final List<String> CALLERS = List.of("none", "expired", "wrong-aud", "customer", "other",
			"operator");

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<String, String> tokens = new LinkedHashMap<>();

	private String c1Order;

	@BeforeAll
	void startStackAndSignIn() {
		SharedStack.get();
		TokenClient auth = Tokens.client();
		this.tokens.put("none", null);
		this.tokens.put("expired",
				auth.withClient(TokenClient.SHORT_LIVED_CLIENT).accessToken(DemoUser.customer("c-1")));
		this.tokens.put("wrong-aud",
				auth.withClient(TokenClient.OTHER_AUDIENCE_CLIENT).accessToken(DemoUser.customer("c-1")));
		this.tokens.put("customer", auth.accessToken(DemoUser.customer("c-1")));
		this.tokens.put("other", auth.accessToken(DemoUser.customer("c-2")));
		this.tokens.put("operator", auth.accessToken(DemoUser.operator()));
		this.c1Order = placeAsC1();
		// the short-lived token lived one second; the services allow 5 s of clock skew on
		// top
		Instant expired = Instant.ofEpochSecond(expiry(this.tokens.get("expired"))).plusSeconds(6);
		await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(expired));
	}

	@Test
	void everyEndpointAnswersEachCallerAsTheRulesSayAndNeverWith5xx() {
		List<Endpoint> endpoints = endpoints();
		List<String> mismatches = new ArrayList<>();
		StringBuilder matrix = new StringBuilder(String.format("%-48s", "endpoint"));
		CALLERS.forEach((caller) -> matrix.append(String.format("%10s", caller)));
		matrix.append('\n');
		int cells = 0;
		for (Endpoint endpoint : endpoints) {
			matrix.append(String.format("%-48s", endpoint.name()));
			for (int i = 0; i < CALLERS.size(); i++) {
				String caller = CALLERS.get(i);
				Answer answer = endpoint.call().apply(this.tokens.get(caller));
				int expected = endpoint.expected()[i];
				cells++;
				boolean ok = (expected == 200) ? answer.status() / 100 == 2 : answer.status() == expected;
				if (answer.status() == 401) {
					ok &= answer.wwwAuthenticate() != null && answer.wwwAuthenticate().startsWith("Bearer")
							&& answer.contentType().startsWith("application/problem+json");
				}
				if (answer.status() == 403) {
					ok &= answer.contentType().startsWith("application/problem+json");
				}
				ok &= answer.status() < 500;
				matrix.append(String.format("%10s", answer.status() + (ok ? "" : "!")));
				if (!ok) {
					mismatches.add(endpoint.name() + " as " + caller + ": expected " + expected + ", got "
							+ answer.status() + " " + answer.contentType() + " " + answer.body());
				}
			}
			matrix.append('\n');
		}
		System.out.printf("Role matrix: %d endpoints x %d callers = %d cells, %d as expected%n%s", endpoints.size(),
				CALLERS.size(), cells, cells - mismatches.size(), matrix);
		assertThat(mismatches).isEmpty();
	}

	@Test
	void probesAndMetricsNeedNoToken() {
		for (int port : List.of(ORDERS, INVENTORY, NOTIFICATIONS)) {
			assertThat(get(port, "/actuator/health/readiness", null).status()).as("readiness on %d", port)
				.isEqualTo(200);
			assertThat(get(port, "/actuator/prometheus", null).status()).as("prometheus on %d", port).isEqualTo(200);
		}
	}

	@Test
	void aCustomerListsOnlyTheirOwnOrdersAndNotifications() {
		String c2Orders = get(ORDERS, "/api/orders?limit=500", this.tokens.get("other")).body();
		String c1Orders = get(ORDERS, "/api/orders?limit=500", this.tokens.get("customer")).body();

		assertThat(c1Orders).contains(this.c1Order);
		assertThat(c2Orders).doesNotContain(this.c1Order).doesNotContain("\"c-1\"");
		assertThat(get(NOTIFICATIONS, "/api/notifications?orderId=" + this.c1Order, this.tokens.get("other")).body())
			.isEqualTo("[]");
	}

	/**
	 * Expected status per caller, in the order of {@link #CALLERS}; 200 stands for any
	 * 2xx.
	 */
	private List<Endpoint> endpoints() {
		int[] customersAndOperator = { 401, 401, 401, 200, 200, 200 };
		int[] operatorOnly = { 401, 401, 401, 403, 403, 200 };
		List<Endpoint> endpoints = new ArrayList<>();
		endpoints.add(new Endpoint("POST order-service /api/orders (for c-1)",
				(t) -> post(ORDERS, "/api/orders", C1_ORDER, t), new int[] { 401, 401, 401, 200, 403, 403 }));
		endpoints.add(new Endpoint("GET  order-service /api/orders/{c-1's}",
				(t) -> get(ORDERS, "/api/orders/" + this.c1Order, t), new int[] { 401, 401, 401, 200, 404, 200 }));
		endpoints.add(new Endpoint("GET  order-service /api/orders", (t) -> get(ORDERS, "/api/orders", t),
				customersAndOperator));
		endpoints.add(new Endpoint("POST order-service /api/orders/{c-1's}/cancel",
				(t) -> post(ORDERS, "/api/orders/" + placeAsC1() + "/cancel", "", t),
				new int[] { 401, 401, 401, 200, 404, 403 }));
		endpoints.add(new Endpoint("GET  order-service /api/dead-letters", (t) -> get(ORDERS, "/api/dead-letters", t),
				operatorOnly));
		endpoints.add(new Endpoint("POST order-service /api/dead-letters/replay",
				(t) -> post(ORDERS, "/api/dead-letters/replay", "", t), operatorOnly));
		endpoints.add(new Endpoint("GET  order-service /api/dead-letters/set-aside",
				(t) -> get(ORDERS, "/api/dead-letters/set-aside", t), operatorOnly));
		endpoints.add(new Endpoint("GET  inventory-service /api/stock", (t) -> get(INVENTORY, "/api/stock", t),
				customersAndOperator));
		endpoints.add(new Endpoint("GET  inventory-service /api/stock/SKU-001",
				(t) -> get(INVENTORY, "/api/stock/SKU-001", t), customersAndOperator));
		endpoints.add(new Endpoint("POST inventory-service /api/stock/SKU-001/restock",
				(t) -> post(INVENTORY, "/api/stock/SKU-001/restock", "{\"quantity\":1}", t), operatorOnly));
		endpoints.add(new Endpoint("GET  inventory-service /api/dead-letters",
				(t) -> get(INVENTORY, "/api/dead-letters", t), operatorOnly));
		endpoints.add(new Endpoint("POST inventory-service /api/dead-letters/replay",
				(t) -> post(INVENTORY, "/api/dead-letters/replay", "", t), operatorOnly));
		endpoints.add(new Endpoint("GET  notification-service /api/notifications",
				(t) -> get(NOTIFICATIONS, "/api/notifications", t), customersAndOperator));
		endpoints.add(new Endpoint("GET  notification-service /api/notifications/stream",
				(t) -> stream(NOTIFICATIONS, "/api/notifications/stream", t), customersAndOperator));
		endpoints.add(new Endpoint("GET  notification-service /api/dead-letters",
				(t) -> get(NOTIFICATIONS, "/api/dead-letters", t), operatorOnly));
		endpoints.add(new Endpoint("POST notification-service /api/dead-letters/replay",
				(t) -> post(NOTIFICATIONS, "/api/dead-letters/replay", "", t), operatorOnly));
		endpoints.add(new Endpoint("GET  notification-service /console/api/orders",
				(t) -> get(NOTIFICATIONS, "/console/api/orders", t), customersAndOperator));
		return endpoints;
	}

	private String placeAsC1() {
		Answer placed = post(ORDERS, "/api/orders", C1_ORDER, this.tokens.get("customer"));
		assertThat(placed.status()).as(placed.body()).isEqualTo(202);
		return placed.location().substring(placed.location().lastIndexOf('/') + 1);
	}

	private Answer get(int port, String path, String token) {
		return send(request(port, path, token).GET());
	}

	private Answer post(int port, String path, String json, String token) {
		return send(request(port, path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/**
	 * The live stream never ends: its status and headers are the answer, the body is left
	 * unread.
	 */
	private Answer stream(int port, String path, String token) {
		try {
			HttpResponse<InputStream> response = this.client.send(request(port, path, token).GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
			String body = (response.statusCode() / 100 == 2) ? "" : new String(response.body().readAllBytes());
			response.body().close();
			return answer(response, body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static HttpRequest.Builder request(int port, String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(15));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	private Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return answer(response, response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Answer answer(HttpResponse<?> response, String body) {
		return new Answer(response.statusCode(), body, response.headers().firstValue("Location").orElse(null),
				response.headers().firstValue("Content-Type").orElse(""),
				response.headers().firstValue("WWW-Authenticate").orElse(null));
	}

	private static long expiry(String jwt) {
		byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
		return JsonMapper.builder().build().readTree(payload).get("exp").asLong();
	}

	record Endpoint(String name, Function<String, Answer> call, int[] expected) {
	}

	record Answer(int status, String body, String location, String contentType, String wwwAuthenticate) {
	}

}
