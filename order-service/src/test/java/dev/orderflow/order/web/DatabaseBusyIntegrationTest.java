package dev.orderflow.order.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.orderflow.order.OrderServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every connection of order-service's pool is in use (held by the test, as a burst of
 * slow requests or a stuck listener would): placing or reading an order is answered 503
 * with {@code Retry-After} and a problem saying the database is busy, after the short
 * wait the tests configure (500 ms) instead of the pool's 30 s, and without internals.
 * Once connections are free again, the same requests succeed.
 */
@OrderServiceIntegrationTest
class DatabaseBusyIntegrationTest {

	/** Hikari's own connection-timeout: what a request waited before, then a 500. */
	private static final Duration POOL_TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	MockMvc mvc;

	@Autowired
	DataSource dataSource;

	private final List<Connection> held = new ArrayList<>();

	@AfterEach
	void release() throws SQLException {
		for (Connection connection : this.held) {
			connection.close();
		}
		this.held.clear();
	}

	@Test
	void ordersAreAnswered503WithRetryAfterWhileTheDatabaseIsBusyAndServedOnceItIsNot() throws Exception {
		String orderId = placeOrder();

		holdEveryConnection();
		long started = System.nanoTime();
		this.mvc.perform(placing())
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "2"))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Database busy"))
			.andExpect(jsonPath("$.detail")
				.value("The database is busy: every connection stayed in use while this request waited for one. "
						+ "Retry in 2 seconds."))
			.andExpect(jsonPath("$.instance").value("/api/orders"));
		String busy = this.mvc.perform(get("/api/orders/{id}", orderId))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "2"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(POOL_TIMEOUT);
		assertThat(busy).doesNotContainIgnoringCase("hikari")
			.doesNotContainIgnoringCase("select")
			.doesNotContain("Exception");

		release();
		this.mvc.perform(get("/api/orders/{id}", orderId))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.orderId").value(orderId));
		this.mvc.perform(placing()).andExpect(status().isAccepted());
	}

	/**
	 * Other work holds the order's row (as a listener's transaction does for its poll)
	 * past H2's lock timeout: the cancel is answered 503 with {@code Retry-After}, not a
	 * 500, changes nothing, and passes once the row is free.
	 */
	@Test
	void aRequestWhoseRowStaysLockedIsAnswered503AndPassesOnceItIsFree() throws Exception {
		String orderId = placeOrder();
		Connection other = this.dataSource.unwrap(HikariDataSource.class).getConnection();
		this.held.add(other);
		other.setAutoCommit(false);
		try (PreparedStatement lock = other
			.prepareStatement("update orders set updated_at = updated_at where id = ?")) {
			lock.setString(1, orderId);
			assertThat(lock.executeUpdate()).isOne();
		}

		this.mvc.perform(post("/api/orders/{id}/cancel", orderId))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "2"))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Database busy"))
			.andExpect(jsonPath("$.detail").value("The database is busy: data this request needs stayed locked by"
					+ " other work for longer than it may wait. Retry in 2 seconds."));

		other.rollback();
		this.mvc.perform(get("/api/orders/{id}", orderId)).andExpect(jsonPath("$.cancelRequested").value(false));
		this.mvc.perform(post("/api/orders/{id}/cancel", orderId)).andExpect(status().is2xxSuccessful());
	}

	@Test
	void openApiDocumentNamesTheBusyDatabaseAnswer() throws Exception {
		String api = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(JsonPath.<String>read(api, "$.paths['/api/orders/{orderId}'].get.responses['503'].description"))
			.contains("database is busy", "orderflow.http.database.max-wait");
		assertThat(JsonPath.<Object>read(api, "$.paths['/api/orders'].post.responses['503'].headers['Retry-After']"))
			.isNotNull();
	}

	/**
	 * Takes every connection from the pool itself, with its own timeout: the test thread
	 * carries a mock request of Spring's test support, and connections the outbox relay
	 * or a listener holds for a moment are worth waiting for.
	 */
	private void holdEveryConnection() throws SQLException {
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
			this.held.add(pool.getConnection());
		}
	}

	private String placeOrder() throws Exception {
		return JsonPath.read(this.mvc.perform(placing())
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.orderId");
	}

	private static RequestBuilder placing() {
		return post("/api/orders").contentType(MediaType.APPLICATION_JSON).content("""
				{"customerId":"c-1","customerEmail":"ada@example.com","lines":[{"sku":"SKU-1","quantity":2}]}""");
	}

}
