package dev.orderflow.notification;

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
 * The notification's status rule keeps working after the connection that migrated the
 * database is gone, as it is once Hikari retires Flyway's pooled connection (about 22
 * minutes after start). With V1's {@code CHECK (status IN (...))} alone, H2 2.4.240
 * failed every insert from then on.
 */
class NotificationStatusConstraintTest {

	@Test
	void everyStatusIsAcceptedAndAnUnknownOneRefusedAfterTheMigratingConnectionClosed() throws SQLException {
		JdbcDataSource database = new JdbcDataSource();
		database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		try (Connection keepsTheDatabaseOpen = database.getConnection()) {
			// a plain DataSource: Flyway's connection is closed when migrate() returns
			Flyway.configure().dataSource(database).load().migrate();

			try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
				for (NotificationStatus status : NotificationStatus.values()) {
					assertThat(sql.executeUpdate(insert(status.name()))).isEqualTo(1);
				}
				assertThatThrownBy(() -> sql.executeUpdate(insert("BOUNCED")))
					.hasMessageContaining("Check constraint violation")
					.hasMessageContaining("CK_NOTIFICATION_STATUS");
			}
		}
	}

	private static String insert(String status) {
		return "INSERT INTO notification (event_id, order_id, type, recipient, subject, body, status, created_at) "
				+ "VALUES ('" + UUID.randomUUID() + "', 'o-1', 'ORDER_CONFIRMED', 'you@example.com', 's', 'b', '"
				+ status + "', CURRENT_TIMESTAMP)";
	}

}
