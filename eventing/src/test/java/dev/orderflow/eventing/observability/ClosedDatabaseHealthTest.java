package dev.orderflow.eventing.observability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code db} indicator (and the readiness that includes it) on an H2 file database that closed
 * and cannot be opened again: DOWN, not an UP from a pooled connection that still looks fine. A
 * database H2 closed but can reopen is simply opened again by the pool's next connection.
 */
class ClosedDatabaseHealthTest {

	@TempDir
	Path directory;

	@Test
	void dbIsDownWhileTheDatabaseCannotBeOpenedAndUpOnceItCan() throws Exception {
		String url = "jdbc:h2:file:" + this.directory.resolve("service") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(url);
			dataSource.setUsername("sa");
			dataSource.setConnectionTimeout(1_000);
			JdbcClient jdbc = JdbcClient.create(dataSource);
			jdbc.sql("CREATE TABLE t (id INT PRIMARY KEY)").update();
			DataSourceHealthIndicator db = new DataSourceHealthIndicator(dataSource);
			assertThat(db.health(true).getStatus()).isEqualTo(Status.UP);

			jdbc.sql("SHUTDOWN").update();
			Path file = this.directory.resolve("service.mv.db");
			byte[] kept = Files.readAllBytes(file);
			Files.write(file, new byte[8192]);

			assertThat(db.health(true).getStatus()).isEqualTo(Status.DOWN);

			Files.write(file, kept);
			// the pool retries to connect on its own schedule
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(db.health(true).getStatus()).isEqualTo(Status.UP));
			assertThat(jdbc.sql("SELECT COUNT(*) FROM t").query(Long.class).single()).isZero();
		}
	}

}
