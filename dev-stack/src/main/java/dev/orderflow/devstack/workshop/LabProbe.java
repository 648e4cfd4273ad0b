package dev.orderflow.devstack.workshop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.orderflow.authclient.DemoUser;
import dev.orderflow.authclient.SignInException;
import dev.orderflow.authclient.TokenClient;
import dev.orderflow.devstack.DataDir;
import dev.orderflow.devstack.StackPorts;
import dev.orderflow.devstack.kafka.KafkaUsers;

/**
 * How the lab checks look at a learner's stack: its HTTP APIs on 127.0.0.1, its topics
 * and its data directory (logs, pid files). Short timeouts: a check must answer even when
 * the stack is down.
 */
final class LabProbe {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final StackPorts ports;

	private final DataDir dataDir;

	private final Function<StackPorts, LabKafka> kafka;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	// the operator's token, obtained on the first API call: a check reads what every
	// customer placed
	private String operatorToken;

	LabProbe(StackPorts ports, DataDir dataDir) {
		this(ports, dataDir, (stack) -> LabKafka.of(stack.bootstrapServers(),
				"http://127.0.0.1:" + stack.schemaRegistry(), KafkaUsers.adminClientProperties(dataDir.config())));
	}

	/** With another view of the broker: tests check without one. */
	LabProbe(StackPorts ports, DataDir dataDir, Function<StackPorts, LabKafka> kafka) {
		this.ports = ports;
		this.dataDir = dataDir;
		this.kafka = kafka;
	}

	/** An HTTP answer: its status and body. */
	record Answer(int status, String body) {

		boolean ok() {
			return this.status / 100 == 2;
		}

	}

	StackPorts ports() {
		return this.ports;
	}

	DataDir dataDir() {
		return this.dataDir;
	}

	TopicRecords topics() {
		return new TopicRecords(this.ports.bootstrapServers(), "http://127.0.0.1:" + this.ports.schemaRegistry(),
				KafkaUsers.adminClientProperties(this.dataDir.config()));
	}

	/** The broker's topics, groups and records, as the newer checks ask about them. */
	LabKafka kafka() {
		return this.kafka.apply(this.ports);
	}

	/** Whether the service answers its readiness probe (the registry: its subjects). */
	boolean ready(int port) {
		if (port == this.ports.schemaRegistry()) {
			return get(port, "/subjects").isPresent();
		}
		return get(port, "/actuator/health/readiness").isPresent();
	}

	/**
	 * Checks that each service is ready; false (after saying how to start the stack) when
	 * one is not.
	 */
	boolean servicesReady(LabReport report, List<Integer> ports) {
		boolean up = true;
		for (int port : ports) {
			String name = (port == this.ports.schemaRegistry()) ? "schema registry answers"
					: serviceName(port) + " is ready";
			up &= report.check(ready(port), name + " (:" + port + ")", "start the stack: ./orderflow up -d");
		}
		return up;
	}

	/** The body of a 2xx answer to GET, empty otherwise (also when nothing listens). */
	Optional<String> get(int port, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path)).timeout(TIMEOUT).GET();
		if (path.startsWith("/api/")) {
			operatorToken().ifPresent((token) -> request.header("Authorization", "Bearer " + token));
		}
		return exchange(request.build()).filter(Answer::ok).map(Answer::body);
	}

	/**
	 * Signs the operator in at the stack's authorization server; empty when it does not
	 * answer.
	 */
	private Optional<String> operatorToken() {
		if (this.operatorToken == null) {
			try {
				this.operatorToken = TokenClient.onPort(this.ports.authServer()).accessToken(DemoUser.operator());
			}
			catch (SignInException ex) {
				return Optional.empty();
			}
		}
		return Optional.of(this.operatorToken);
	}

	/** The body of a 2xx answer to a registry POST, empty otherwise. */
	Optional<String> post(int port, String path, String json) {
		return postForAnswer(port, path, json).filter(Answer::ok).map(Answer::body);
	}

	/**
	 * Any answer to a registry POST (a refusal is an answer too), empty when nothing
	 * answers.
	 */
	Optional<Answer> postForAnswer(int port, String path, String json) {
		return exchange(HttpRequest.newBuilder(uri(port, path))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/vnd.schemaregistry.v1+json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/** A log of the stack's data directory, empty when there is none yet. */
	String log(String name) {
		return read(this.dataDir.logs().resolve(name + ".log"));
	}

	static String read(Path file) {
		try {
			return Files.isRegularFile(file) ? Files.readString(file) : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

	private String serviceName(int port) {
		if (port == this.ports.orderService()) {
			return "order-service";
		}
		if (port == this.ports.inventoryService()) {
			return "inventory-service";
		}
		return (port == this.ports.notificationService()) ? "notification-service" : "port " + port;
	}

	private Optional<Answer> exchange(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return Optional.of(new Answer(response.statusCode(), response.body()));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
