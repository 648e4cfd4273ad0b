package dev.orderflow.notification;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database of the release before the settled-order retention (ADR 0021) upgrades in
 * place: V4 gives the owners it already knows the time of the upgrade as
 * {@code created_at}, so the retention counts from then instead of failing on a missing
 * value or deleting them at once.
 */
class OrderOwnerUpgradeTest {

	@Test
	void ownersRecordedBeforeTheUpgradeGetTheUpgradesTime() throws SQLException {
		JdbcDataSource database = new JdbcDataSource();
		database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		try (Connection keepsTheDatabaseOpen = database.getConnection()) {
			Flyway.configure().dataSource(database).target(MigrationVersion.fromVersion("3")).load().migrate();
			JdbcClient jdbc = JdbcClient.create(database);
			jdbc.sql("INSERT INTO order_owner (order_id, customer_id) VALUES ('o-1', 'c-1')").update();

			Flyway.configure().dataSource(database).load().migrate();

			assertThat(jdbc
				.sql("SELECT COUNT(*) FROM order_owner WHERE created_at IS NOT NULL AND"
						+ " created_at > CURRENT_TIMESTAMP - INTERVAL '1' MINUTE")
				.query(Long.class)
				.single()).isEqualTo(1);
		}
	}

}
