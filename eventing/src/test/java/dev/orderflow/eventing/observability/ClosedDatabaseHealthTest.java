package dev.orderflow.eventing.observability;

import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code db} indicator (and the readiness that includes it) on an H2 file database
 * that closed and cannot be opened again: DOWN, not an UP from a pooled connection that
 * still looks fine. (A database H2 closed but can open again is simply opened by the
 * pool's next connection.)
 */
class ClosedDatabaseHealthTest {

	@TempDir
	Path directory;

	@Test
	void dbIsDownWhileTheDatabaseCannotBeOpened() throws Exception {
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
			Files.write(file, new byte[8192]);

			assertThat(db.health(true).getStatus()).isEqualTo(Status.DOWN);
		}
	}

}
