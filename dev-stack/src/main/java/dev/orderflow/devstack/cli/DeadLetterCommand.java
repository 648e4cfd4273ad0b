package dev.orderflow.devstack.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

import dev.orderflow.authclient.DemoUser;
import dev.orderflow.authclient.SignInException;
import dev.orderflow.authclient.TokenClient;
import dev.orderflow.devstack.Component;
import dev.orderflow.devstack.StackPorts;
import dev.orderflow.devstack.Terminal;

/**
 * {@code dlt}: the dead letters of the running services through their
 * {@code /api/dead-letters} API: {@code dlt list} prints a table per service,
 * {@code dlt replay SERVICE ID} and {@code dlt replay SERVICE --all} re-publish after a
 * fix. A service that is down is reported, not fatal to the others.
 */
@Command(name = "dlt", description = "The dead letters of order-, inventory- and notification-service: "
		+ "list them (the default), replay them after a fix.")
final class DeadLetterCommand implements Callable<Integer> {

	/** The services that have a dead-letter API, as named on the command line. */
	static final List<String> SERVICES = List.of("order-service", "inventory-service", "notification-service");

	private final Map<String, URI> services;

	private final PrintStream out;

	private final PrintStream err;

	private final DeadLetterTables tables;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Supplier<String> token;

	private String bearer;

	@Spec
	private CommandSpec spec;

	/**
	 * Against the services on the stack's fixed ports, as the operator: the dead-letter
	 * APIs are theirs (ADR 0016).
	 */
	DeadLetterCommand(Terminal terminal) {
		this(localServices(StackPorts.defaults()), terminal,
				() -> TokenClient.local().accessToken(DemoUser.operator()));
	}

	/** With a source of bearer tokens, which may throw {@link SignInException}. */
	DeadLetterCommand(Map<String, URI> services, Terminal terminal, Supplier<String> token) {
		this.services = services;
		this.out = terminal.out();
		this.err = terminal.err();
		this.tables = new DeadLetterTables(terminal.out());
		this.token = token;
	}

	static Map<String, URI> localServices(StackPorts ports) {
		Map<String, URI> services = new LinkedHashMap<>();
		services.put("order-service", base(ports.of(Component.ORDER_SERVICE)));
		services.put("inventory-service", base(ports.of(Component.INVENTORY_SERVICE)));
		services.put("notification-service", base(ports.of(Component.NOTIFICATION_SERVICE)));
		return services;
	}

	/** {@code dlt} alone lists, as {@code dlt list} does. */
	@Override
	public Integer call() throws InterruptedException {
		return list();
	}

	@Command(name = "list", description = "Every service's dead letters, and the outbox events it set aside.")
	int list() throws InterruptedException {
		return signIn() ? listAll() : 1;
	}

	@Command(name = "replay", description = "Re-publish one dead letter, or --all not replayed yet, after a fix.")
	int replay(
			@Parameters(paramLabel = "SERVICE", completionCandidates = Services.class,
					description = "order-service, inventory-service or notification-service") String service,
			@Parameters(paramLabel = "ID", arity = "0..1",
					description = "the dead letter, e.g. orders.DLT-0-4") String id,
			@Option(names = "--all", description = "every dead letter of the service not replayed yet") boolean all)
			throws InterruptedException {
		CommandLine replay = this.spec.subcommands().get("replay");
		if (!SERVICES.contains(service)) {
			throw new ParameterException(replay,
					"Unknown service " + service + "; one of: " + String.join(", ", SERVICES));
		}
		if ((id == null) == !all) {
			throw new ParameterException(replay,
					"dlt replay needs SERVICE and ID (or --all), e.g. dlt replay inventory-service orders.DLT-0-4");
		}
		if (!signIn()) {
			return 1;
		}
		return all ? post(service, "/api/dead-letters/replay")
				: post(service, "/api/dead-letters/" + encode(id) + "/replay");
	}

	private boolean signIn() {
		try {
			this.bearer = this.token.get();
			return true;
		}
		catch (SignInException ex) {
			this.err
				.println("orderflow: the dead letters are the operator's, and signing in failed: " + ex.getMessage());
			return false;
		}
	}

	private int listAll() throws InterruptedException {
		int failures = 0;
		for (Map.Entry<String, URI> service : this.services.entrySet()) {
			String name = service.getKey();
			HttpResponse<String> response;
			try {
				response = send(HttpRequest.newBuilder(service.getValue().resolve("/api/dead-letters")).GET());
			}
			catch (IOException ex) {
				this.out.println(
						name + ": not reachable at " + service.getValue() + " (is the stack up? ./orderflow up -d)");
				failures++;
				continue;
			}
			if (response.statusCode() != 200) {
				this.out.println(name + ": " + problem(response));
				failures++;
				continue;
			}
			this.tables.deadLetters(name, deadLetters(response.body()));
			failures += listSetAside(name, service.getValue());
		}
		return (failures == 0) ? 0 : 1;
	}

	/**
	 * The events the service's outbox set aside: they never reached a topic, so no DLT
	 * holds them.
	 */
	private int listSetAside(String name, URI base) throws InterruptedException {
		HttpResponse<String> response;
		try {
			response = send(HttpRequest.newBuilder(base.resolve("/api/dead-letters/set-aside")).GET());
		}
		catch (IOException ex) {
			return 1;
		}
		if (response.statusCode() != 200) {
			this.out.println(name + ": set-aside events: " + problem(response));
			return 1;
		}
		this.tables.setAside(name, deadLetters(response.body()));
		return 0;
	}

	private int post(String service, String path) throws InterruptedException {
		URI base = this.services.get(service);
		HttpResponse<String> response;
		try {
			response = send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()));
		}
		catch (IOException ex) {
			this.err.println(
					"orderflow: " + service + " is not reachable at " + base + " (is the stack up? ./orderflow up -d)");
			return 1;
		}
		if (response.statusCode() != 202) {
			this.err.println("orderflow: " + service + ": " + problem(response));
			return 1;
		}
		Map<?, ?> body = JsonMapper.shared().readValue(response.body(), Map.class);
		if (body.containsKey("replayed") && !body.containsKey("id")) {
			this.out.println(service + ": replayed " + body.get("replayed") + " dead letter(s)");
		}
		else {
			this.out.println(service + ": replayed " + body.get("id") + " (key " + body.get("key") + ") to "
					+ body.get("originalTopic") + "-" + body.get("originalPartition"));
		}
		return 0;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<?, ?>> deadLetters(String body) {
		return JsonMapper.shared().readValue(body, List.class);
	}

	private static String problem(HttpResponse<String> response) {
		try {
			Map<?, ?> problem = JsonMapper.shared().readValue(response.body(), Map.class);
			Object detail = problem.get("detail");
			return response.statusCode() + " " + problem.get("title") + ((detail != null) ? " (" + detail + ")" : "");
		}
		catch (RuntimeException ex) {
			return "HTTP " + response.statusCode();
		}
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		if (this.bearer != null) {
			request.header("Authorization", "Bearer " + this.bearer);
		}
		return this.http.send(request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String id) {
		return URLEncoder.encode(id, StandardCharsets.UTF_8);
	}

	private static URI base(int port) {
		return URI.create("http://127.0.0.1:" + port);
	}

	/** What shell completion offers after {@code dlt replay}. */
	static final class Services extends ArrayList<String> {

		Services() {
			super(SERVICES);
		}

	}

}
