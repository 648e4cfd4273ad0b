package dev.orderflow.notification.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.orderflow.notification.saga.OrderEventSeen;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.orderflow.eventing.security.SignedTokens;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The live stream over real HTTP connections, with the saga listeners not started: the
 * updates are published the way the listeners publish them, from the test's thread.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.listener.auto-startup=false",
				"spring.kafka.properties.schema.registry.url=mock://live-updates-test",
				"spring.datasource.url=jdbc:h2:mem:live-updates-test;DB_CLOSE_DELAY=-1",
				"orderflow.notification.stream.max-clients=" + LiveUpdatesIntegrationTest.MAX_CLIENTS,
				"orderflow.notification.stream.buffer=64",
				// a closed connection is noticed at the next write: write often
				"orderflow.notification.stream.heartbeat=500ms" })
@Import(SignedTokens.Trusted.class)
class LiveUpdatesIntegrationTest {

	static final int MAX_CLIENTS = 3;

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	// 2048 updates of 16 KB: 32 MB, far more than the socket buffers of a client that
	// never reads
	private static final int BATCHES = 64;

	private static final int BATCH = 32;

	private static final String PADDING = "x".repeat(16 * 1024);

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationEventPublisher listenerSide;

	@Autowired
	private MeterRegistry meters;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final List<AutoCloseable> connections = new ArrayList<>();

	@AfterEach
	void closeConnections() throws Exception {
		for (AutoCloseable connection : this.connections) {
			connection.close();
		}
		await().atMost(TIMEOUT).until(() -> openStreams() == 0);
	}

	@Test
	void aClientThatStopsReadingIsDisconnectedWhileTheListenersAndOtherClientsCarryOn() throws Exception {
		double droppedBefore = dropped();
		Socket stalled = connectAndNeverRead();
		List<Integer> received = new CopyOnWriteArrayList<>();
		Stream<String> healthy = subscribe().body();
		read(healthy, (line) -> {
			if (line.startsWith("data:")) {
				received.add(sequenceOf(line));
			}
		});
		await().atMost(TIMEOUT).until(() -> openStreams() == 2);

		for (int batch = 0; batch < BATCHES; batch++) {
			int first = batch * BATCH;
			// What a Kafka listener does for each record: it must return at once, stalled
			// client or not.
			assertTimeoutPreemptively(Duration.ofSeconds(10), () -> publish(first, BATCH),
					"publishing a batch of updates waited for a client");
			// The healthy client is never a whole buffer behind, so only the stalled one
			// can overflow.
			await().atMost(TIMEOUT).until(() -> received.size() == first + BATCH);
		}

		assertThat(received).containsExactlyElementsOf(IntStream.range(0, BATCHES * BATCH).boxed().toList());
		assertThat(dropped() - droppedBefore).isEqualTo(1);
		// The stalled connection keeps its sender (and its place) until its write fails.
		stalled.close();
		await().atMost(TIMEOUT).until(() -> openStreams() == 1);
	}

	@Test
	void refusesAStreamOverTheLimitWithAProblemNamingItAndLetsItInOnceOneCloses() throws Exception {
		List<Stream<String>> streams = new ArrayList<>();
		for (int i = 0; i < MAX_CLIENTS; i++) {
			HttpResponse<Stream<String>> response = subscribe();
			assertThat(response.statusCode()).isEqualTo(200);
			streams.add(response.body());
		}

		HttpResponse<String> refused = this.http.send(streamRequest(), HttpResponse.BodyHandlers.ofString());

		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.body()).contains("\"title\":\"Too many live streams\"", "\"limit\":3",
				"at most 3 live streams", "orderflow.notification.stream.max-clients");

		streams.get(0).close();
		await().atMost(TIMEOUT).until(() -> openStreams() == MAX_CLIENTS - 1);
		assertThat(subscribe().statusCode()).isEqualTo(200);
	}

	private void publish(int first, int count) {
		for (int sequence = first; sequence < first + count; sequence++) {
			this.listenerSide.publishEvent(
					new OrderEventSeen("OrderPlaced", "ord-" + sequence, UUID.randomUUID(), Instant.now(), PADDING));
		}
	}

	// "data:{"type":"OrderPlaced","orderId":"ord-42",...}" -> 42
	private static int sequenceOf(String dataLine) {
		int start = dataLine.indexOf("\"orderId\":\"ord-") + "\"orderId\":\"ord-".length();
		return Integer.parseInt(dataLine.substring(start, dataLine.indexOf('"', start)));
	}

	private HttpResponse<Stream<String>> subscribe() throws IOException, InterruptedException {
		HttpResponse<Stream<String>> response = this.http.send(streamRequest(), HttpResponse.BodyHandlers.ofLines());
		this.connections.add(response.body());
		return response;
	}

	private HttpRequest streamRequest() {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/notifications/stream"))
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + SignedTokens.operator())
			.build();
	}

	// A browser tab that hangs: it asks for the stream and never reads a byte of it.
	private Socket connectAndNeverRead() throws IOException {
		Socket socket = new Socket();
		this.connections.add(socket);
		socket.setReceiveBufferSize(4096);
		socket.connect(new InetSocketAddress("127.0.0.1", this.port));
		OutputStream out = socket.getOutputStream();
		out.write(("GET /api/notifications/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
				+ "Authorization: Bearer " + SignedTokens.operator() + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return socket;
	}

	private static void read(Stream<String> lines, Consumer<String> each) {
		Thread reader = new Thread(() -> {
			try {
				lines.forEach(each);
			}
			catch (UncheckedIOException ex) {
				// the test closed the stream
			}
		}, "sse-reader");
		reader.setDaemon(true);
		reader.start();
	}

	private double openStreams() {
		return this.meters.get("orderflow.live.clients").gauge().value();
	}

	private double dropped() {
		return this.meters.get("orderflow.live.clients.dropped").counter().count();
	}

}
