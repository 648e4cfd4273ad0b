package dev.orderflow.devstack.workshop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

import dev.orderflow.devstack.DataDir;
import dev.orderflow.devstack.StackPorts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lab check N} against fake services that answer like the registry and
 * order-service, a data directory with logs, ports where nothing listens (the other
 * services), a broker faked behind {@link LabKafka} and a kubectl faked behind
 * {@link Kubectl}.
 */
class LabCommandTest {

	private static final String ORDER_ID = "2477ec96-1f52-4a16-a773-dfe43ab8b348";

	private static final String DECLINED_ID = "9c1f3f0e-5d0a-4a57-9a8e-3b1f2d4c6e70";

	private static final String TRACE = "d845729ed49cfce873425a1b638d1fcd";

	private static final String V1 = "{\"type\":\"record\",\"name\":\"OrderPlaced\",\"fields\":[{\"name\":\"orderId\",\"type\":\"string\"}]}";

	private static final String V2 = "{\"type\":\"record\",\"name\":\"OrderPlaced\",\"fields\":[{\"name\":\"orderId\",\"type\":\"string\"},"
			+ "{\"name\":\"channel\",\"type\":[\"null\",\"string\"],\"default\":null}]}";

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private final Map<String, String> registryAnswers = new ConcurrentHashMap<>();

	private final Map<String, String> orderServiceAnswers = new ConcurrentHashMap<>();

	private final Set<String> topics = new HashSet<>();

	private final Map<String, OptionalLong> lags = new HashMap<>();

	private final List<TopicRecords.Event> records = new ArrayList<>();

	private RuntimeException brokerDown;

	/** kubectl's answers by its arguments; null: there is no kubectl on the PATH. */
	private Map<String, Kubectl.Result> kubectl;

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
		this.orderServiceAnswers.put("/api/orders",
				"[{\"orderId\":\"" + ORDER_ID + "\",\"customerId\":\"c-1\",\"status\":\"CONFIRMED\"}]");
		for (String service : ObservabilityLabCheck.SERVICES) {
			writeLog(service, "2026-11-26T11:00:33.918Z  INFO 7050 --- [main] [" + service + "," + TRACE
					+ ",21b0f91a8a4c8057,orderId=" + ORDER_ID + "] dev.orderflow.Something : about " + ORDER_ID);
		}

		assertThat(check("6")).isZero();
		assertThat(out()).contains("OK    orderflow_outbox_backlog is 0: every event was published",
				"your order: " + ORDER_ID,
				"OK    one traceId of your order is in all three services' logs [" + TRACE + "]");
	}

	@Test
	void lab06SaysWhichMetricOrLogIsMissing() throws IOException {
		this.orderServiceAnswers.put("/actuator/prometheus",
				"orderflow_orders_placed_total 0.0\norderflow_outbox_backlog 3.0\n");
		this.orderServiceAnswers.put("/api/orders",
				"[{\"orderId\":\"" + ORDER_ID + "\",\"customerId\":\"c-1\",\"status\":\"CONFIRMED\"}]");
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
		// the fake ports put every missing service on one closed port, so only the port
		// is asserted
		assertThat(out()).containsPattern("MISSING \\S+ is ready \\(:" + this.closed + "\\)")
			.contains("start the stack: ./orderflow up -d");
	}

	@Test
	void lab07IsDoneWhenPaymentsAreRegisteredPublishedAndAFailedPaymentCancelledItsOrder() {
		paymentServiceDidItsJob();

		assertThat(check("7")).isZero();
		assertThat(out()).contains("OK    the registry has " + PaymentLabCheck.subject("PaymentSucceeded"),
				"OK    the registry has " + PaymentLabCheck.subject("PaymentFailed"), "OK    topic payments exists",
				"OK    group payment-service has caught up on orders (lag 0)", "newest CONFIRMED order: " + ORDER_ID,
				"OK    payments carries PaymentSucceeded for it",
				"OK    order-service cancelled the order whose payment failed (" + DECLINED_ID + ")", "Lab 7: done.");
	}

	@Test
	void lab07SaysWhatIsMissingBeforePaymentServiceRan() {
		this.registryAnswers.put("/subjects", "[\"" + SchemaLabCheck.SUBJECT + "\",\"payments-value\"]");
		this.topics.add("orders");
		this.orderServiceAnswers.put("/api/orders", "[{\"orderId\":\"" + ORDER_ID + "\",\"status\":\"CONFIRMED\"}]");

		assertThat(check("7")).isEqualTo(1);
		assertThat(out())
			.contains("MISSING the registry has " + PaymentLabCheck.subject("PaymentSucceeded"),
					"payments-value means TopicNameStrategy", "MISSING topic payments exists",
					"MISSING consumer group payment-service has read orders",
					"MISSING payments carries PaymentSucceeded for it",
					"MISSING order-service cancelled the order whose payment failed",
					"place an order that is declined (lab 07, step 7)", "Lab 7: 6 thing(s) missing")
			.doesNotContain("caught up");
	}

	@Test
	void lab07SaysWhenTheGroupLagsOrTheDeclinedOrderWasNotCancelled() {
		paymentServiceDidItsJob();
		this.lags.put("payment-service@orders", OptionalLong.of(4));
		this.orderServiceAnswers.put("/api/orders/" + DECLINED_ID,
				"{\"orderId\":\"" + DECLINED_ID + "\",\"status\":\"CONFIRMED\"}");

		assertThat(check("7")).isEqualTo(1);
		assertThat(out()).contains("MISSING group payment-service has caught up on orders (lag 4)",
				"it is CONFIRMED: order-service's PaymentEventsListener must cancel it (lab 07, step 4)");
	}

	@Test
	void lab07ReportsABrokerThatDoesNotAnswerInOneLine() {
		paymentServiceDidItsJob();
		this.brokerDown = new IllegalStateException("the broker at 127.0.0.1:9092 did not answer (timed out)");

		assertThat(check("7")).isEqualTo(1);
		assertThat(out())
			.contains("OK    the registry has " + PaymentLabCheck.subject("PaymentFailed"),
					"MISSING the broker answers", "did not answer (timed out)")
			.doesNotContain("Exception", "\tat ");
	}

	@Test
	void lab08IsDoneWhenKubectlRendersAndEveryDeploymentOfTheKindClusterIsAvailable() {
		kubectlOnAKindCluster();

		assertThat(check("8")).isZero();
		assertThat(out()).contains("OK    kubectl is on the PATH", "OK    kubectl is 1.27 or later (1.31)",
				"OK    kubectl kustomize k8s/overlays/local renders",
				"OK    the current context is a kind cluster (kind-orderflow)",
				"OK    strimzi-cluster-operator is available (1 available)", "OK    mailpit is available (1 available)",
				"Lab 8: done.");
	}

	@Test
	void lab08WithoutKubectlSaysHowToInstallItAndStops() {
		assertThat(check("8")).isEqualTo(1);
		assertThat(out())
			.contains("MISSING kubectl is on the PATH", "https://kubernetes.io/docs/tasks/tools/",
					"Lab 8: 1 thing(s) missing")
			.doesNotContain("context", "Exception");
	}

	@Test
	void lab08RefusesAKubectlTooOldForKustomize5() {
		this.kubectl = new HashMap<>(Map.of("version --client -o json", kubectlVersion("25")));

		assertThat(check("8")).isEqualTo(1);
		assertThat(out()).contains("MISSING kubectl is 1.27 or later (1.25)").doesNotContain("kustomize k8s");
	}

	@Test
	void lab08SaysWhichClusterOrDeploymentIsWrong() {
		kubectlOnAKindCluster();
		this.kubectl.put("kustomize k8s/overlays/local", new Kubectl.Result(1, "", "error: accumulating resources\n"));
		this.kubectl.put("config current-context", new Kubectl.Result(0, "docker-desktop\n", ""));
		assertThat(check("8")).isEqualTo(1);
		assertThat(out())
			.contains("MISSING kubectl kustomize k8s/overlays/local renders", "error: accumulating resources",
					"MISSING the current context is a kind cluster (docker-desktop)",
					"kind create cluster --name orderflow")
			.doesNotContain("is available");

		this.out.reset();
		kubectlOnAKindCluster();
		this.kubectl.put(getDeployments(), new Kubectl.Result(0, deploymentList(List.of("strimzi-cluster-operator",
				"schema-registry", "order-service", "notification-service", "mailpit"), "inventory-service"), ""));
		assertThat(check("8")).isEqualTo(1);
		assertThat(out()).contains("MISSING inventory-service is available (0 available)",
				"kubectl -n orderflow describe deployment inventory-service", "OK    order-service is available");

		this.out.reset();
		this.kubectl.put(getDeployments(), new Kubectl.Result(0, deploymentList(List.of("schema-registry"), null), ""));
		assertThat(check("8")).isEqualTo(1);
		assertThat(out()).contains("MISSING strimzi-cluster-operator is available (0 available)",
				"strimzi.io/install/latest?namespace=orderflow", "MISSING order-service is available",
				"not deployed: kubectl kustomize k8s/overlays/local | kubectl apply -f -");

		this.out.reset();
		this.kubectl.put(getDeployments(),
				new Kubectl.Result(1, "", "The connection to the server 127.0.0.1:6443 was refused\n"));
		assertThat(check("8")).isEqualTo(1);
		assertThat(out()).contains("MISSING the cluster answers (kind-orderflow)", "was refused");
	}

	@Test
	void kubectlThatIsNotInstalledIsNoResultNotAnException() {
		Kubectl missing = new Kubectl.Process("orderflow-no-such-kubectl", Duration.ofSeconds(5));

		assertThat(missing.run(this.dataDir, List.of("version"))).isEmpty();
	}

	@Test
	void lab09IsDoneWhenTheRuleIsRegisteredAndItsDeadLetterShowsNoEmail() {
		this.registryAnswers.put("/subjects/" + DataContractsLabCheck.SUBJECT + "/versions/latest",
				"{\"ruleSet\":{\"domainRules\":[{\"name\":\"atMostTenUnitsPerLine\"}]}}");
		this.orderServiceAnswers.put("/api/dead-letters",
				"[{\"id\":\"orders.DLT-0-3\",\"exceptionMessage\":"
						+ "\"Rule 'atMostTenUnitsPerLine' (READ CONDITION on field lines) failed\",\"valuePreview\":"
						+ "\"{\\\"customerEmail\\\": \\\"****\\\"}\"}]");

		assertThat(new CommandLine(inventoryOnOrderServicesFake()).execute("check", "9")).isZero();
		assertThat(out()).contains("OK    the latest OrderPlaced version carries rule atMostTenUnitsPerLine",
				"OK    inventory-service dead-lettered an event that broke atMostTenUnitsPerLine",
				"OK    the dead-letter previews mask the customer's e-mail address", "Lab 9: done.");
	}

	@Test
	void lab09SaysWhatIsMissingBeforeTheRuleWasAdded() {
		this.registryAnswers.put("/subjects/" + DataContractsLabCheck.SUBJECT + "/versions/latest", "{\"ruleSet\":{}}");
		this.orderServiceAnswers.put("/api/dead-letters", "[]");

		assertThat(new CommandLine(inventoryOnOrderServicesFake()).execute("check", "9")).isEqualTo(1);
		assertThat(out()).contains("MISSING the latest OrderPlaced version carries rule atMostTenUnitsPerLine",
				"register it with the schema (lab 09, step 2)",
				"MISSING inventory-service dead-lettered an event that broke atMostTenUnitsPerLine");
	}

	@Test
	void unknownLabsAreUsageErrors() {
		assertThat(check("10")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("no lab 10; labs are 1..9");
		assertThat(commandLine().execute("verify", "3")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("Unmatched arguments", "verify");
	}

	/**
	 * Both payment subjects, the topic, a group that caught up, a charged order and a
	 * cancelled declined one.
	 */
	private void paymentServiceDidItsJob() {
		this.registryAnswers.put("/subjects", "[\"" + PaymentLabCheck.subject("PaymentFailed") + "\",\""
				+ PaymentLabCheck.subject("PaymentSucceeded") + "\"]");
		this.topics.addAll(List.of("orders", "inventory", "payments"));
		this.lags.put("payment-service@orders", OptionalLong.of(0));
		this.orderServiceAnswers.put("/api/orders", "[{\"orderId\":\"" + ORDER_ID + "\",\"status\":\"CONFIRMED\"}]");
		this.orderServiceAnswers.put("/api/orders/" + DECLINED_ID,
				"{\"orderId\":\"" + DECLINED_ID + "\",\"status\":\"CANCELLED\"}");
		this.records.add(payment(DECLINED_ID, "PaymentFailed"));
		this.records.add(payment(ORDER_ID, "PaymentSucceeded"));
	}

	private static TopicRecords.Event payment(String orderId, String type) {
		return new TopicRecords.Event("payments", 0, 0, Instant.now(), orderId, type, Optional.empty());
	}

	/**
	 * kubectl 1.31 whose current context is kind-orderflow, with every Deployment of the
	 * lab available.
	 */
	private void kubectlOnAKindCluster() {
		this.kubectl = new HashMap<>();
		this.kubectl.put("version --client -o json", kubectlVersion("31"));
		this.kubectl.put("kustomize k8s/overlays/local",
				new Kubectl.Result(0, "apiVersion: v1\nkind: Namespace\n", ""));
		this.kubectl.put("config current-context", new Kubectl.Result(0, "kind-orderflow\n", ""));
		this.kubectl.put(getDeployments(),
				new Kubectl.Result(0, deploymentList(List.copyOf(KindLabCheck.DEPLOYMENTS.keySet()), null), ""));
	}

	private static Kubectl.Result kubectlVersion(String minor) {
		return new Kubectl.Result(0, "{\"clientVersion\":{\"major\":\"1\",\"minor\":\"" + minor
				+ "\",\"gitVersion\":\"v1." + minor + ".0\"},\"kustomizeVersion\":\"v5.4.2\"}", "");
	}

	private static String getDeployments() {
		return "--request-timeout=10s -n orderflow get deployments -o json";
	}

	/**
	 * kubectl get deployments -o json, trimmed to what the check reads;
	 * {@code unavailable} has no ready pod.
	 */
	private static String deploymentList(List<String> names, String unavailable) {
		List<String> items = new ArrayList<>();
		for (String name : names) {
			items.add("{\"metadata\":{\"name\":\"" + name + "\"},\"status\":{\"availableReplicas\":1,"
					+ "\"conditions\":[{\"type\":\"Available\",\"status\":\"True\"}]}}");
		}
		if (unavailable != null) {
			items.add("{\"metadata\":{\"name\":\"" + unavailable + "\"},\"status\":{\"conditions\":"
					+ "[{\"type\":\"Available\",\"status\":\"False\",\"reason\":\"MinimumReplicasUnavailable\"}]}}");
		}
		return "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[" + String.join(",", items) + "]}";
	}

	private void registerVersions(String... schemas) {
		StringBuilder versions = new StringBuilder("[");
		for (int i = 0; i < schemas.length; i++) {
			versions.append((i > 0) ? "," : "").append(i + 1);
			String answer = "{\"subject\":\"" + SchemaLabCheck.SUBJECT + "\",\"version\":" + (i + 1) + ",\"schema\":"
					+ JsonMapper.shared().writeValueAsString(schemas[i]) + "}";
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
		return commandLine().execute("check", lab);
	}

	/**
	 * The command as ./orderflow runs it: picocli parses the command line and reports
	 * usage errors.
	 */
	private CommandLine commandLine() {
		return new CommandLine(command()).setErr(new PrintWriter(this.err, true, StandardCharsets.UTF_8));
	}

	/**
	 * The order-service fake answers for inventory-service too (readiness and dead
	 * letters).
	 */
	private LabCommand inventoryOnOrderServicesFake() {
		StackPorts ports = new StackPorts(this.closed, this.closed, this.registry.getAddress().getPort(), this.closed,
				this.orderService.getAddress().getPort(), this.closed, this.closed, 5432, this.closed);
		return new LabCommand(new PrintStream(this.out, true, StandardCharsets.UTF_8), () -> this.dataDir,
				() -> new LabProbe(ports, new DataDir(this.dataDir), (stack) -> fakeKafka()),
				(workDir, args) -> Optional.empty());
	}

	private LabCommand command() {
		StackPorts ports = new StackPorts(this.closed, this.closed, this.registry.getAddress().getPort(),
				this.orderService.getAddress().getPort(), this.closed, this.closed, this.closed, 5432, this.closed);
		return new LabCommand(new PrintStream(this.out, true, StandardCharsets.UTF_8), () -> this.dataDir,
				() -> new LabProbe(ports, new DataDir(this.dataDir), (stack) -> fakeKafka()),
				(workDir, args) -> Optional.ofNullable(this.kubectl)
					.map((answers) -> answers.getOrDefault(String.join(" ", args),
							new Kubectl.Result(1, "", "error: unknown command for the fake: " + args))));
	}

	/**
	 * A broker that knows {@link #topics}, {@link #lags} and {@link #records}, or is
	 * down.
	 */
	private LabKafka fakeKafka() {
		return new LabKafka() {

			@Override
			public Set<String> topics() {
				throwIfDown();
				return LabCommandTest.this.topics;
			}

			@Override
			public OptionalLong lag(String group, String topic) {
				throwIfDown();
				return LabCommandTest.this.lags.getOrDefault(group + "@" + topic, OptionalLong.empty());
			}

			@Override
			public List<TopicRecords.Event> events(String topic, Optional<String> key, int limit) {
				throwIfDown();
				return LabCommandTest.this.records.stream()
					.filter((event) -> event.topic().equals(topic))
					.filter((event) -> key.isEmpty() || key.get().equals(event.key()))
					.toList();
			}

			private void throwIfDown() {
				if (LabCommandTest.this.brokerDown != null) {
					throw LabCommandTest.this.brokerDown;
				}
			}

		};
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	/**
	 * A server that answers GET with the body stored for the path (query ignored), 404
	 * otherwise.
	 */
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
