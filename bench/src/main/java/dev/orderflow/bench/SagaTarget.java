package dev.orderflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import dev.orderflow.authclient.TokenClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order saga as a target: each unit is a {@code POST /api/orders} of one unit of one
 * SKU (round robin over the bench's SKUs); it ends when {@link TerminalEvents} sees the
 * order's OrderConfirmed or OrderRejected on the {@code orders} topic.
 */
final class SagaTarget implements Target {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private final URI orders;

	private final List<String> skus;

	private final TerminalEvents terminalEvents;

	private final ExecutorService executor = Executors.newFixedThreadPool(4, (r) -> {
		Thread thread = new Thread(r, "bench-http");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(this.executor)
		.build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final AtomicLong sequence = new AtomicLong();

	private final BenchTokens tokens = new BenchTokens(TokenClient.local());

	private final Hops hops = new Hops();

	SagaTarget(BenchOptions options) {
		this.orders = URI.create(options.orderUrl() + "/api/orders");
		this.skus = IntStream.rangeClosed(1, options.skus()).mapToObj((i) -> String.format("BENCH-%03d", i)).toList();
		this.terminalEvents = new TerminalEvents(options.bootstrapServers(), options.kafkaClient(),
				options.registryUrl(), this.hops);
	}

	@Override
	public String name() {
		return "saga";
	}

	/**
	 * Restocks every SKU of the bench so that {@code orders} orders of one unit never run
	 * short.
	 */
	void restock(String inventoryUrl, long orders) throws IOException, InterruptedException {
		long perSku = Math.min(1_000_000, orders / this.skus.size() + 10);
		for (String sku : this.skus) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(inventoryUrl + "/api/stock/" + sku + "/restock"))
				.timeout(REQUEST_TIMEOUT)
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + this.tokens.operator())
				.POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":" + perSku + "}"))
				.build();
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(
						"Restocking " + sku + " answered " + response.statusCode() + ": " + response.body());
			}
		}
	}

	@Override
	public void send(Completion completion) {
		long n = this.sequence.getAndIncrement();
		String sku = this.skus.get((int) (n % this.skus.size()));
		String body = """
				{"customerId":"%s","customerEmail":"bench@orderflow.test","lines":[{"sku":"%s","quantity":1}]}"""
			.formatted(BenchTokens.CUSTOMER, sku);
		HttpRequest request = HttpRequest.newBuilder(this.orders)
			.timeout(REQUEST_TIMEOUT)
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + this.tokens.customer())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		long postedAt = System.currentTimeMillis();
		this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
			if (failure != null) {
				completion.failed("POST failed: " + rootCause(failure).getClass().getSimpleName());
			}
			else if (response.statusCode() != 202) {
				completion.failed("POST answered " + response.statusCode());
			}
			else {
				String orderId = orderId(response.body());
				this.hops.posted(orderId, postedAt);
				this.terminalEvents.expect(orderId,
						(terminal) -> completion.done(terminal.observedNanos(), terminal.rejected()));
			}
		});
	}

	/** Per-hop times of the orders POSTed since the last {@link Hops#begin()}. */
	Hops hops() {
		return this.hops;
	}

	private String orderId(String body) {
		JsonNode node = this.json.readTree(body);
		return node.path("orderId").asString();
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		// bounded by the depth of the cause chain
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	@Override
	public void close() {
		this.terminalEvents.close();
		this.executor.shutdownNow();
	}

}
