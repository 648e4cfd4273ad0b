package dev.orderflow.devstack.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import dev.orderflow.devstack.Terminal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./orderflow dlt} against a fake service that answers like the dead-letter API,
 * and a port where nothing listens.
 */
class DeadLetterCommandTest {

	private static final String DEAD_LETTERS = """
			[{"id":"orders.DLT-1-7","dltTopic":"orders.DLT","partition":1,"offset":7,
			  "key":"9b2f6c1e-0000-4000-8000-000000000001","originalTopic":"orders","originalPartition":1,
			  "originalOffset":42,"consumerGroup":"inventory-service",
			  "exceptionClass":"org.springframework.kafka.listener.ListenerExecutionFailedException",
			  "exceptionMessage":"Listener failed;\\n stock table locked","timestamp":"2026-11-26T08:00:00Z",
			  "valuePreview":"{\\"orderId\\": \\"9b2f\\"}","replayed":false},
			 {"id":"orders.DLT-2-0","dltTopic":"orders.DLT","partition":2,"offset":0,"key":null,
			  "originalTopic":"orders","originalPartition":2,"originalOffset":3,"consumerGroup":null,
			  "exceptionClass":"org.springframework.kafka.support.serializer.DeserializationException",
			  "exceptionMessage":"failed to deserialize","timestamp":"2026-11-26T08:00:01Z",
			  "valuePreview":"base64:AAE=","replayed":true}]""";

	private static final String SET_ASIDE = """
			[{"id":17,"topic":"orders","key":"9b2f6c1e-0000-4000-8000-000000000003",
			  "eventType":"dev.orderflow.events.OrderPlaced","createdAt":"2026-11-26T08:00:00Z",
			  "setAsideAt":"2026-11-26T08:00:01Z",
			  "reason":"The message is 3612345 bytes when serialized which is larger than 1048576"}]""";

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private HttpServer inventory;

	private URI down;

	@BeforeEach
	void startFakeService() throws IOException {
		this.inventory = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.inventory.createContext("/api/dead-letters", this::answer);
		this.inventory.start();
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			// a port that was free a moment ago and now has nobody listening
			this.down = URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
	}

	@AfterEach
	void stopFakeService() {
		this.inventory.stop(0);
	}

	@Test
	void listPrintsATablePerServiceAndSaysWhichServiceIsDown() {
		int code = run("dlt", "list");

		assertThat(code).isEqualTo(1);
		assertThat(out()).contains("order-service: not reachable at " + this.down, "./orderflow up -d")
			.contains("inventory-service: 2 dead letter(s)")
			.containsPattern("ID\\s+KEY\\s+FROM\\s+REPLAYED\\s+EXCEPTION")
			.containsPattern("orders.DLT-1-7\\s+9b2f6c1e-0000-4000-8000-000000000001\\s+orders-1@42\\s+no\\s+"
					+ "ListenerExecutionFailedException: Listener failed; stock table locked")
			.containsPattern("orders.DLT-2-0\\s+-\\s+orders-2@3\\s+yes\\s+DeserializationException")
			.contains("inventory-service: 1 outbox event(s) set aside, never published")
			.containsPattern(
					"17\\s+9b2f6c1e-0000-4000-8000-000000000003\\s+OrderPlaced\\s+The message is 3612345 bytes");
		assertThat(this.requests).containsExactly("GET /api/dead-letters", "GET /api/dead-letters/set-aside");
	}

	@Test
	void replaysOneDeadLetter() {
		int code = run("dlt", "replay", "inventory-service", "orders.DLT-1-7");

		assertThat(code).isZero();
		assertThat(out()).contains(
				"inventory-service: replayed orders.DLT-1-7 (key 9b2f6c1e-0000-4000-8000-000000000001) to orders-1");
		assertThat(this.requests).containsExactly("POST /api/dead-letters/orders.DLT-1-7/replay");
	}

	@Test
	void replaysAllDeadLetters() {
		assertThat(run("dlt", "replay", "inventory-service", "--all")).isZero();

		assertThat(out()).contains("inventory-service: replayed 1 dead letter(s)");
		assertThat(this.requests).containsExactly("POST /api/dead-letters/replay");
	}

	@Test
	void reportsTheProblemOfARefusedReplay() {
		assertThat(run("dlt", "replay", "inventory-service", "orders.DLT-2-0")).isEqualTo(1);

		assertThat(err()).contains(
				"inventory-service: 409 Dead letter already replayed (dead letter orders.DLT-2-0 was already replayed)");
	}

	@Test
	void replayOnAServiceThatIsDownSaysSo() {
		assertThat(run("dlt", "replay", "order-service", "inventory.DLT-0-1")).isEqualTo(1);

		assertThat(err()).contains("order-service is not reachable at " + this.down);
	}

	@Test
	void dltAloneListsAsDltListDoes() {
		assertThat(run("dlt")).isEqualTo(1);

		assertThat(out()).contains("inventory-service: 2 dead letter(s)");
	}

	@Test
	void rejectsMalformedDltCommandLinesSayingWhatIsWrong() {
		assertThat(run("dlt", "purge")).isEqualTo(2);
		assertThat(err()).contains("Unknown command purge", "Run dlt --help for usage.");
		assertThat(run("dlt", "replay", "order-service")).isEqualTo(2);
		assertThat(err()).contains("dlt replay needs SERVICE and ID (or --all)");
		assertThat(run("dlt", "replay", "kafka", "x-0-1")).isEqualTo(2);
		assertThat(err())
			.contains("Unknown service kafka; one of: order-service, inventory-service, notification-service");
		assertThat(run("dlt", "replay", "order-service", "--force")).isEqualTo(2);
		assertThat(err()).contains("Unknown option: '--force'");
		assertThat(this.requests).isEmpty();
	}

	@Test
	void helpMentionsTheDltCommand() {
		assertThat(Launcher.run(new String[] { "help" }, print(this.out), print(this.err))).isZero();
		assertThat(out()).contains("dlt list", "dlt replay SERVICE ID|--all");
	}

	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getRawPath();
		this.requests.add(exchange.getRequestMethod() + " " + path);
		if (exchange.getRequestMethod().equals("GET")) {
			respond(exchange, 200, "application/json", path.endsWith("/set-aside") ? SET_ASIDE : DEAD_LETTERS);
		}
		else if (path.equals("/api/dead-letters/replay")) {
			respond(exchange, 202, "application/json", "{\"replayed\":1}");
		}
		else if (path.equals("/api/dead-letters/orders.DLT-1-7/replay")) {
			respond(exchange, 202, "application/json", """
					{"id":"orders.DLT-1-7","key":"9b2f6c1e-0000-4000-8000-000000000001","originalTopic":"orders",
					 "originalPartition":1,"replayed":true}""");
		}
		else {
			respond(exchange, 409, "application/problem+json", """
					{"type":"about:blank","title":"Dead letter already replayed","status":409,
					 "detail":"dead letter orders.DLT-2-0 was already replayed","instance":"%s"}""".formatted(path));
		}
	}

	private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", type);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private int run(String... args) {
		Map<String, URI> services = new LinkedHashMap<>();
		services.put("order-service", this.down);
		services.put("inventory-service", URI.create("http://127.0.0.1:" + this.inventory.getAddress().getPort()));
		Terminal terminal = new Terminal(print(this.out), print(this.err));
		// the dlt command alone, against the fake services; the first argument is "dlt"
		// itself
		return Launcher.execute(new CommandLine(new DeadLetterCommand(services, terminal, () -> null)), terminal,
				Arrays.copyOfRange(args, 1, args.length));
	}

	private static PrintStream print(ByteArrayOutputStream stream) {
		return new PrintStream(stream, true, StandardCharsets.UTF_8);
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
