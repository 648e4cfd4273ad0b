package dev.orderflow.eventing.overload;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orderflow.eventing.retry.TransientFailures;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A pool of two connections, both held: a request gives up after its short wait and is
 * answered 503 with {@code Retry-After}, while any other thread (a Kafka listener, the
 * outbox relay) still waits the pool's own connection-timeout and fails transiently, to
 * be retried. Once the connections are back, requests are served again.
 */
class RequestConnectionWaitTest {

	private static final Duration POOL_TIMEOUT = Duration.ofMillis(1_000);

	private static final DatabaseWaitProperties PROPERTIES = new DatabaseWaitProperties(Duration.ofMillis(250),
			Duration.ofSeconds(3));

	private HikariDataSource pool;

	private DataSource dataSource;

	private MockMvc mvc;

	private final List<Connection> held = new ArrayList<>();

	@BeforeEach
	void startPool() {
		this.pool = new HikariDataSource();
		this.pool.setJdbcUrl("jdbc:h2:mem:request-wait-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		this.pool.setUsername("sa");
		this.pool.setMaximumPoolSize(2);
		this.pool.setConnectionTimeout(POOL_TIMEOUT.toMillis());
		this.dataSource = new RequestConnectionWait(this.pool, PROPERTIES.maxWait());
		this.mvc = MockMvcBuilders.standaloneSetup(new CountController(JdbcClient.create(this.dataSource)))
			.setControllerAdvice(new DatabaseBusyProblem(PROPERTIES))
			.build();
	}

	@AfterEach
	void closePool() throws SQLException {
		release();
		this.pool.close();
	}

	@Test
	void theApplicationClosesThePoolThroughTheWrapper() {
		HikariDataSource wrapped = new HikariDataSource();
		wrapped.setJdbcUrl("jdbc:h2:mem:request-wait-close-" + UUID.randomUUID());
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(OverloadAutoConfiguration.class))
			.withBean("dataSource", HikariDataSource.class, () -> wrapped)
			.run((context) -> assertThat(context.getBean(DataSource.class)).isInstanceOf(RequestConnectionWait.class));
		assertThat(wrapped.isClosed()).as("pool closed with the application").isTrue();
	}

	@Test
	void requestIsAnswered503WithRetryAfterWhileEveryConnectionIsInUse() throws Exception {
		holdEveryConnection();

		long started = System.nanoTime();
		this.mvc.perform(get("/count"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "3"))
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Database busy"))
			.andExpect(jsonPath("$.detail")
				.value("The database is busy: every connection stayed in use while this request waited for one. "
						+ "Retry in 3 seconds."));
		// the request's own wait, not the pool's
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(POOL_TIMEOUT);
	}

	@Test
	void requestsAreServedAgainOnceConnectionsAreFree() throws Exception {
		holdEveryConnection();
		this.mvc.perform(get("/count")).andExpect(status().isServiceUnavailable());

		release();

		this.mvc.perform(get("/count")).andExpect(status().isOk()).andExpect(content().string("1"));
	}

	@Test
	void listenerThreadWaitsThePoolsOwnTimeoutAndFailsTransiently() throws Exception {
		holdEveryConnection();

		long started = System.nanoTime();
		assertThatThrownBy(() -> JdbcClient.create(this.dataSource).sql("SELECT 1").query(Integer.class).single())
			.isInstanceOf(CannotGetJdbcConnectionException.class)
			.satisfies((ex) -> assertThat(ex.getCause()).isInstanceOf(SQLTransientConnectionException.class)
				.isNotInstanceOf(DatabaseBusyException.class))
			// retried by the consumers' error handler, never dead-lettered (ADR 0009)
			.satisfies((ex) -> assertThat(TransientFailures.isTransient(ex)).isTrue());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(POOL_TIMEOUT);
	}

	@Test
	void databaseBusyIsATransientFailure() {
		DatabaseBusyException busy = new DatabaseBusyException(PROPERTIES.maxWait(),
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));

		assertThat(TransientFailures.isTransient(new CannotGetJdbcConnectionException("Failed", busy))).isTrue();
	}

	private void holdEveryConnection() throws SQLException {
		for (int i = 0; i < this.pool.getMaximumPoolSize(); i++) {
			this.held.add(this.dataSource.getConnection());
		}
	}

	private void release() throws SQLException {
		for (Connection connection : this.held) {
			connection.close();
		}
		this.held.clear();
	}

	@RestController
	static class CountController {

		private final JdbcClient jdbc;

		CountController(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@GetMapping("/count")
		int count() {
			return this.jdbc.sql("SELECT 1").query(Integer.class).single();
		}

	}

}
