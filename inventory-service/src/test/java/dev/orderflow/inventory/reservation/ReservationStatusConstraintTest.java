package dev.orderflow.inventory.reservation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reservation's status rule keeps working after the connection that migrated the
 * database is gone, as it is once Hikari retires Flyway's pooled connection (about 22
 * minutes after start). With V1's {@code CHECK (status IN (...))} alone, H2 2.4.240
 * failed every insert from then on.
 */
class ReservationStatusConstraintTest {

	@Test
	void everyStatusIsAcceptedAndAnUnknownOneRefusedAfterTheMigratingConnectionClosed() throws SQLException {
		JdbcDataSource database = new JdbcDataSource();
		database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		try (Connection keepsTheDatabaseOpen = database.getConnection()) {
			// a plain DataSource: Flyway's connection is closed when migrate() returns
			Flyway.configure().dataSource(database).load().migrate();

			try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
				for (ReservationStatus status : ReservationStatus.values()) {
					assertThat(sql.executeUpdate("INSERT INTO reservation (order_id, status) VALUES ('"
							+ UUID.randomUUID() + "', '" + status.name() + "')"))
						.isEqualTo(1);
				}
				assertThatThrownBy(() -> sql
					.executeUpdate("INSERT INTO reservation (order_id, status) VALUES ('o-unknown', 'SHIPPED')"))
					.hasMessageContaining("Check constraint violation")
					.hasMessageContaining("RESERVATION_STATUS_CHECK");
			}
		}
	}

}
