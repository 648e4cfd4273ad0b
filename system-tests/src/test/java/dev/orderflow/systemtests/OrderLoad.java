package dev.orderflow.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * Drives orders at order-service from a small pool of threads at a steady rate, each
 * order with its own e-mail address and {@code Idempotency-Key}. A request that meets a
 * dead service (connection refused or reset, a timeout, a 5xx) is retried with the same
 * key until the service is back, so a retry can never place a second order. Now and then
 * it cancels an accepted order, often the one it just placed, so cancels race the
 * reservation.
 */
final class OrderLoad {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	/**
	 * How long one request may keep failing before the load gives up: longer than any
	 * restart.
	 */
	private static final Duration RETRY_FOR = Duration.ofMinutes(4);

	private static final Duration BACKOFF = Duration.ofMillis(250);

	/** The customer who places (and cancels) the load's orders. */
	private static final String CUSTOMER = "c-1";

	private final String run;

	private final List<Integer> ports;

	private final List<String> skus;

	private final String scarceSku;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(3))
		.build();

	private final Map<String, PlacedOrder> accepted = new ConcurrentHashMap<>();

	private final List<String> acceptedIds = new ArrayList<>();

	private final Set<String> cancelRequested = ConcurrentHashMap.newKeySet();

	private final AtomicInteger sent = new AtomicInteger();

	private final AtomicInteger replayed = new AtomicInteger();

	private final AtomicInteger refused = new AtomicInteger();

	private final AtomicInteger retries = new AtomicInteger();

	private final AtomicInteger cancelsRefused = new AtomicInteger();

	private final Map<Integer, AtomicInteger> serverErrors = new ConcurrentHashMap<>();

	/**
	 * Spreads the orders over several instances of order-service, as a load balancer
	 * would; a request whose instance cannot be reached goes to the next one. {@code run}
	 * names the run in its customers' e-mail addresses and its Idempotency-Keys, so two
	 * runs on one stack neither replay nor mail each other's orders.
	 */
	OrderLoad(String run, List<Integer> ports, List<String> skus, String scarceSku) {
		this.run = run;
		this.ports = List.copyOf(ports);
		this.skus = List.copyOf(skus);
		this.scarceSku = scarceSku;
	}

	/** One accepted order as placed; {@code lines} maps SKU to quantity. */
	record PlacedOrder(String orderId, String email, Map<String, Integer> lines) {
	}

	/**
	 * Sends {@code total} orders with {@code threads} threads at about {@code perSecond},
	 * calling {@code beforeOrder} with each order's number first (so faults happen at
	 * fixed points of the run), and returns when every order got its answer.
	 */
	void run(int total, int threads, int perSecond, IntConsumer beforeOrder) throws Exception {
		Semaphore tickets = new Semaphore(0);
		ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
		// tickets do not pile up while order-service is down: at most one round for every
		// thread
		pacer.scheduleAtFixedRate(() -> {
			if (tickets.availablePermits() < threads) {
				tickets.release();
			}
		}, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
		ExecutorService workers = Executors.newFixedThreadPool(threads);
		AtomicInteger next = new AtomicInteger();
		List<Future<?>> running = new ArrayList<>();
		try {
			for (int t = 0; t < threads; t++) {
				running.add(workers.submit(() -> {
					Random random = new Random(next.get() * 31L + Thread.currentThread().getId());
					for (int n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
						tickets.acquireUninterruptibly();
						beforeOrder.accept(n);
						placeOrder(n, random);
					}
					return null;
				}));
			}
			workers.shutdown();
			if (!workers.awaitTermination(10, TimeUnit.MINUTES)) {
				throw new IllegalStateException("The order load did not finish in 10 minutes");
			}
			for (Future<?> worker : running) {
				// a request that never got an answer fails the run rather than going
				// uncounted
				worker.get();
			}
		}
		finally {
			workers.shutdownNow();
			pacer.shutdownNow();
		}
	}

	private void placeOrder(int n, Random random) {
		Map<String, Integer> lines = lines(random);
		String email = this.run + "-" + n + "@example.com";
		// one customer places them all (the demo users are c-1 and c-2); e-mails tell the
		// orders apart
		StringBuilder json = new StringBuilder(
				"{\"customerId\":\"" + CUSTOMER + "\",\"customerEmail\":\"" + email + "\",\"lines\":[");
		lines.forEach((sku, quantity) -> json.append("{\"sku\":\"")
			.append(sku)
			.append("\",\"quantity\":")
			.append(quantity)
			.append("},"));
		json.setCharAt(json.length() - 1, ']');
		json.append('}');
		this.sent.incrementAndGet();
		HttpResponse<String> response = sendUntilAnswered(n, "/api/orders",
				(builder) -> builder.header("Content-Type", "application/json")
					.header("Idempotency-Key", this.run + "-order-" + n)
					.POST(HttpRequest.BodyPublishers.ofString(json.toString())));
		if (response.statusCode() != 202 && response.statusCode() != 200) {
			this.refused.incrementAndGet();
			System.out.println("[load] order " + n + " refused: " + response.statusCode() + " " + response.body());
			return;
		}
		if (response.statusCode() == 200) {
			// the first attempt was placed but its answer was lost with the killed
			// process
			this.replayed.incrementAndGet();
		}
		String orderId = JSON.readTree(response.body()).get("orderId").asText();
		this.accepted.put(orderId, new PlacedOrder(orderId, email, lines));
		String toCancel;
		synchronized (this.acceptedIds) {
			this.acceptedIds.add(orderId);
			// about 5 % of orders get a cancel: half right away (racing the reservation),
			// half later
			if (random.nextInt(100) >= 5) {
				return;
			}
			toCancel = random.nextBoolean() ? orderId : this.acceptedIds.get(random.nextInt(this.acceptedIds.size()));
		}
		cancel(toCancel);
	}

	private void cancel(String orderId) {
		if (!this.cancelRequested.add(orderId)) {
			return;
		}
		HttpResponse<String> response = sendUntilAnswered(orderId.hashCode(), "/api/orders/" + orderId + "/cancel",
				(builder) -> builder.POST(HttpRequest.BodyPublishers.noBody()));
		if (response.statusCode() == 409) {
			// already REJECTED (or CANCELLED): nothing to cancel, which is a fine answer
			// too
			this.cancelsRefused.incrementAndGet();
			this.cancelRequested.remove(orderId);
		}
		else if (response.statusCode() != 202) {
			throw new IllegalStateException(
					"Cancel of " + orderId + " got " + response.statusCode() + " " + response.body());
		}
	}

	/**
	 * 1 to 3 distinct SKUs of 1 to 3 units; the scarce SKU in about one order of twenty.
	 */
	private Map<String, Integer> lines(Random random) {
		Map<String, Integer> lines = new java.util.LinkedHashMap<>();
		int count = 1 + random.nextInt(3);
		if (random.nextInt(20) == 0) {
			lines.put(this.scarceSku, 1 + random.nextInt(3));
		}
		while (lines.size() < count) {
			lines.putIfAbsent(this.skus.get(random.nextInt(this.skus.size())), 1 + random.nextInt(3));
		}
		return lines;
	}

	/**
	 * Sends to instance {@code affinity} (mod their number), moving to the next one after
	 * each failure.
	 */
	private HttpResponse<String> sendUntilAnswered(int affinity, String path,
			java.util.function.UnaryOperator<HttpRequest.Builder> request) {
		AtomicInteger attempts = new AtomicInteger();
		int first = Math.floorMod(affinity, this.ports.size());
		HttpResponse<String> response = await().pollInSameThread()
			.pollDelay(Duration.ZERO)
			.pollInterval(BACKOFF)
			.atMost(RETRY_FOR)
			.until(() -> {
				int attempt = attempts.getAndIncrement();
				if (attempt > 0) {
					this.retries.incrementAndGet();
				}
				int port = this.ports.get((first + attempt) % this.ports.size());
				String token = Tokens.customer(CUSTOMER);
				HttpResponse<String> answer = attempt(request.apply(HttpRequest.newBuilder(uri(port, path)))
					.header("Authorization", "Bearer " + token)
					.timeout(Duration.ofSeconds(15))
					.build());
				if (answer != null && answer.statusCode() == 401) {
					// expired during a long run: sign in again and try once more
					Tokens.forget(token);
					return null;
				}
				if (answer != null && answer.statusCode() >= 500) {
					this.serverErrors.computeIfAbsent(answer.statusCode(), (status) -> new AtomicInteger())
						.incrementAndGet();
				}
				return answer;
			}, (answer) -> answer != null && answer.statusCode() < 500);
		return response;
	}

	/** The answer, or {@code null} when the service could not be reached. */
	private HttpResponse<String> attempt(HttpRequest request) throws InterruptedException {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	int sent() {
		return this.sent.get();
	}

	Map<String, PlacedOrder> accepted() {
		return Map.copyOf(this.accepted);
	}

	Set<String> cancelRequested() {
		return Set.copyOf(this.cancelRequested);
	}

	int replayed() {
		return this.replayed.get();
	}

	int refused() {
		return this.refused.get();
	}

	int retries() {
		return this.retries.get();
	}

	int cancelsRefused() {
		return this.cancelsRefused.get();
	}

	/**
	 * Answers with a 5xx status (each then retried), by status: a service that answered
	 * but could not serve.
	 */
	Map<Integer, Integer> serverErrors() {
		Map<Integer, Integer> counts = new java.util.TreeMap<>();
		this.serverErrors.forEach((status, count) -> counts.put(status, count.get()));
		return counts;
	}

}
