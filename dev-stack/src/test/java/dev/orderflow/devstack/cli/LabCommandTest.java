package dev.orderflow.devstack.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orderflow.devstack.DataDir;
import dev.orderflow.devstack.StackPorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code lab check N} against fake services that answer like the registry and order-service, a
 * data directory with logs, and ports where nothing listens (the broker, the other services).
 */
class LabCommandTest {

	private static final String ORDER_ID = "2477ec96-1f52-4a16-a773-dfe43ab8b348";

	private static final String TRACE = "d845729ed49cfce873425a1b638d1fcd";

	private static final String V1 = "{\"type\":\"record\",\"name\":\"OrderPlaced\",\"fields\":[{\"name\":\"orderId\",\"type\":\"string\"}]}";

	private static final String V2 = "{\"type\":\"record\",\"name\":\"OrderPlaced\",\"fields\":[{\"name\":\"orderId\",\"type\":\"string\"},"
			+ "{\"name\":\"channel\",\"type\":[\"null\",\"string\"],\"default\":null}]}";

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final Map<String, String> registryAnswers = new ConcurrentHashMap<>();

	private final Map<String, String> orderServiceAnswers = new ConcurrentHashMap<>();

	private HttpServer registry;

	private HttpServer orderService;

	private int closed;

	@TempDir
	Path dataDir;

	@BeforeEach
	void startFakes() throws IOException {
		this.registry = fake(this.registryAnswers);
		this.orderService = fake(this.orderServiceAnswers);
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			this.closed = socket.getLocalPort();
		}
		this.registryAnswers.put("/subjects", "[\"" + SchemaLabCheck.SUBJECT + "\"]");
		this.orderServiceAnswers.put("/actuator/health/readiness", "{\"status\":\"UP\"}");
	}

	@AfterEach
	void stopFakes() {
		this.registry.stop(0);
		this.orderService.stop(0);
	}

	@Test
	void lab03IsDoneWhenTheRegistryHoldsACompatibleVersion2AndStillGuardsTheSubject() {
		registerVersions(V1, V2);
		this.registryAnswers.put("/config/" + SchemaLabCheck.SUBJECT, "{\"compatibilityLevel\":\"BACKWARD\"}");

		assertThat(check("3")).isZero();
		assertThat(out()).contains("OK    schema registry answers (:" + this.registry.getAddress().getPort() + ")",
				"OK    " + SchemaLabCheck.SUBJECT + " has a version 2 in the registry",
				"OK    the latest version adds a field with a default [channel]",
				"OK    the registry refuses a new field without a default", "Lab 3: done.");
	}

	@Test
	void lab03SaysWhatIsMissingWithOnlyVersion1OrALoosenedLevel() {
		registerVersions(V1);
		assertThat(check("3")).isEqualTo(1);
		assertThat(out()).contains("MISSING " + SchemaLabCheck.SUBJECT + " has a version 2 in the registry",
				"register your compatible OrderPlaced (lab 03, step 2)");

		this.out.reset();
		registerVersions(V1, V1.replace("\"string\"}]", "\"string\"},{\"name\":\"tier\",\"type\":\"string\"}]"));
		this.registryAnswers.put("/config/" + SchemaLabCheck.SUBJECT, "{\"compatibilityLevel\":\"NONE\"}");
		assertThat(check("3")).isEqualTo(1);
		assertThat(out()).contains("MISSING the latest version adds a field with a default [tier]",
				"MISSING the registry refuses a new field without a default", "\"compatibility\":\"BACKWARD\"");
	}

	@Test
	void lab06IsDoneWhenTheSagaIsScrapedAndOneTraceSpansTheThreeLogs() throws IOException {
		this.orderServiceAnswers.put("/actuator/prometheus", """
				orderflow_orders_placed_total 1.0
				orderflow_saga_duration_seconds_count{outcome="confirmed"} 1
				orderflow_outbox_backlog 0.0
				""");
		this.orderServiceAnswers.put("/api/orders", "[{\"orderId\":\"" + ORDER_ID + "\",\"customerId\":\"lab-06\",\"status\":\"CONFIRMED\"}]");
		for (String service : ObservabilityLabCheck.SERVICES) {
			writeLog(service, "2026-11-26T11:00:33.918Z  INFO 7050 --- [main] [" + service + "," + TRACE
					+ ",21b0f91a8a4c8057,orderId=" + ORDER_ID + "] dev.orderflow.Something : about " + ORDER_ID);
		}

		assertThat(check("6")).isZero();
		assertThat(out()).contains("OK    orderflow_outbox_backlog is 0: every event was published",
				"your order: " + ORDER_ID, "OK    one traceId of your order is in all three services' logs [" + TRACE + "]");
	}

	@Test
	void lab06SaysWhichMetricOrLogIsMissing() throws IOException {
		this.orderServiceAnswers.put("/actuator/prometheus", "orderflow_orders_placed_total 0.0\norderflow_outbox_backlog 3.0\n");
		this.orderServiceAnswers.put("/api/orders", "[{\"orderId\":\"" + ORDER_ID + "\",\"customerId\":\"lab-06\",\"status\":\"CONFIRMED\"}]");
		writeLog("order-service", "[order-service," + TRACE + ",21b0f91a8a4c8057,orderId=" + ORDER_ID + "] placed");

		assertThat(check("6")).isEqualTo(1);
		assertThat(out()).contains("MISSING orderflow_orders_placed_total counts your orders",
				"MISSING orderflow_saga_duration_seconds has confirmed sagas", "MISSING orderflow_outbox_backlog is 0",
				"MISSING one traceId of your order is in all three services' logs []", "Lab 6: 4 thing(s) missing");
	}

	@Test
	void lab05SaysWhichServiceWasNeitherRestartedNorIsReady() throws IOException {
		writeLog("inventory-service", "=== 2026-11-26T10:00:00Z orderflow starts inventory-service: java\n"
				+ "=== 2026-11-26T10:05:00Z orderflow starts inventory-service: java");
		writeLog("order-service", "=== 2026-11-26T10:00:00Z orderflow starts order-service: java");

		assertThat(check("5")).isEqualTo(1);
		assertThat(out()).contains("OK    inventory-service was started again after it died",
				"MISSING order-service was started again after it died", "OK    order-service is ready",
				"MISSING inventory-service is ready", "./orderflow up -d");
	}

	@Test
	void lab04NeedsTheNotificationServiceFirst() {
		assertThat(check("4")).isEqualTo(1);
		// the fake ports put every missing service on one closed port, so only the port is asserted
		assertThat(out()).containsPattern("MISSING \\S+ is ready \\(:" + this.closed + "\\)")
			.contains("start the stack: ./orderflow up -d");
	}

	@Test
	void labsWithoutACheckSaySoAndUnknownLabsAreUsageErrors() {
		assertThat(check("7")).isZero();
		assertThat(out()).contains("Lab 7 has no automatic check yet");
		assertThatThrownBy(() -> check("9")).isInstanceOf(UsageException.class).hasMessageContaining("labs are 1..8");
		assertThatThrownBy(() -> command().run(List.of("verify", "3"))).isInstanceOf(UsageException.class);
	}

	private void registerVersions(String... schemas) {
		StringBuilder versions = new StringBuilder("[");
		for (int i = 0; i < schemas.length; i++) {
			versions.append((i > 0) ? "," : "").append(i + 1);
			String answer = "{\"subject\":\"" + SchemaLabCheck.SUBJECT + "\",\"version\":" + (i + 1) + ",\"schema\":"
					+ LabCommand.jsonString(schemas[i]) + "}";
			this.registryAnswers.put("/subjects/" + SchemaLabCheck.SUBJECT + "/versions/" + (i + 1), answer);
			this.registryAnswers.put("/subjects/" + SchemaLabCheck.SUBJECT + "/versions/latest", answer);
		}
		this.registryAnswers.put("/subjects/" + SchemaLabCheck.SUBJECT + "/versions", versions.append("]").toString());
	}

	private void writeLog(String service, String text) throws IOException {
		Path logs = new DataDir(this.dataDir).logs();
		Files.createDirectories(logs);
		Files.writeString(logs.resolve(service + ".log"), text + "\n");
	}

	private int check(String lab) {
		return command().run(List.of("check", lab));
	}

	private LabCommand command() {
		StackPorts ports = new StackPorts(this.closed, this.closed, this.registry.getAddress().getPort(),
				this.orderService.getAddress().getPort(), this.closed, this.closed, this.closed);
		return new LabCommand(new PrintStream(this.out, true, StandardCharsets.UTF_8), () -> this.dataDir,
				() -> new LabProbe(ports, new DataDir(this.dataDir)));
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	/** A server that answers GET with the body stored for the path (query ignored), 404 otherwise. */
	private static HttpServer fake(Map<String, String> answers) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> respond(exchange, answers.get(exchange.getRequestURI().getPath())));
		server.start();
		return server;
	}

	private static void respond(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = ((body != null) ? body : "{\"error_code\":40401}").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders((body != null) ? 200 : 404, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
