package dev.orderflow.inventory.reservation;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.orderflow.inventory.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Flyway creates the schema on one of the pool's connections, and the pool does not keep it for
 * ever: Hikari retires every connection at {@code maxLifetime} (30 min) and opens a new one. On H2
 * 2.4.240 the {@code reservation.status} check constraint kept the session it was created on, so
 * once that connection was closed every reservation failed with "Check constraint invalid" / "The
 * database has been closed": the 100,000-order soak stopped reserving after 22 minutes (docs/performance.md).
 */
class SchemaConnectionRetiredTest extends AbstractIntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	ReservationService reservations;

	@Test
	void ordersAreStillReservedAfterThePoolRetiredTheConnectionThatCreatedTheSchema() throws Exception {
		String sku = newSku("RETIRED", 10);
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		Set<Integer> sessionsBefore = sessions(jdbc);

		// what maxLifetime does to each connection, done to all of them now
		this.dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(sessions(jdbc)).doesNotContainAnyElementsOf(sessionsBefore));

		Reservation reserved = this.reservations.reserve("retired-" + sku, List.of(new ReservationLine(sku, 3)))
			.orElseThrow();

		assertThat(reserved.holdsStock()).isTrue();
		assertThat(this.inventory.find(sku)).hasValueSatisfying((stock) -> {
			assertThat(stock.available()).isEqualTo(7);
			assertThat(stock.reserved()).isEqualTo(3);
		});
	}

	private static Set<Integer> sessions(JdbcClient jdbc) {
		return Set.copyOf(jdbc.sql("SELECT SESSION_ID FROM INFORMATION_SCHEMA.SESSIONS").query(Integer.class).list());
	}

}
