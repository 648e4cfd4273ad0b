package dev.orderflow.devstack.process;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpReadinessTest {

	private HttpServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void namesTheComponentsThatKeepAServiceFromBeingReady() throws Exception {
		int port = serve(503, """
				{"status":"DOWN","components":{"db":{"status":"UP","details":{"database":"H2"}},\
				"kafka":{"status":"DOWN","details":{"error":"timeout"}},"readinessState":{"status":"UP"},\
				"schemaRegistry":{"status":"OUT_OF_SERVICE"}}}""");

		HttpReadiness readiness = new HttpReadiness(port);

		assertThat(readiness.isReady()).isFalse();
		assertThat(readiness.notReadyComponents()).containsExactly("kafka DOWN", "schemaRegistry OUT_OF_SERVICE");
	}

	@Test
	void readyServiceHasNothingToName() throws Exception {
		int port = serve(200,
				"{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\"},\"kafka\":{\"status\":\"UP\"}}}");

		HttpReadiness readiness = new HttpReadiness(port);

		assertThat(readiness.isReady()).isTrue();
		assertThat(readiness.notReadyComponents()).isEmpty();
	}

	private int serve(int status, String body) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/actuator/health/readiness", (exchange) -> {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
		return this.server.getAddress().getPort();
	}

}
