package dev.orderflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StackProbeTest {

	@Test
	void readsTheServicesGaugesFromThePrometheusText() {
		String exposition = """
				# HELP orderflow_inbox_rows Processed events remembered by the inbox
				# TYPE orderflow_inbox_rows gauge
				orderflow_inbox_rows 1234.0
				orderflow_inbox_rows_other 7.0
				orderflow_inbox_purged_total{instance="a"} 10.0
				orderflow_inbox_purged_total{instance="b"} 5.0
				""";
		assertThat(StackProbe.value(exposition, "orderflow_inbox_rows")).hasValue(1234.0);
		assertThat(StackProbe.value(exposition, "orderflow_inbox_purged_total")).hasValue(15.0);
		assertThat(StackProbe.value(exposition, "orderflow_outbox_backlog")).isEmpty();
	}

	@Test
	void readsDatabaseFilesAndTheResidentSetOfRecordedPids(@TempDir Path dataDir) throws IOException {
		Files.createDirectories(dataDir.resolve("db"));
		Files.write(dataDir.resolve("db/order-service.mv.db"), new byte[1024 * 1024]);
		Files.write(dataDir.resolve("db/order-service.trace.db"), new byte[1024 * 1024]);
		Files.write(dataDir.resolve("db/inventory-service.mv.db"), new byte[10]);
		Files.createDirectories(dataDir.resolve("run"));
		// this JVM stands in for a process of the stack
		Files.writeString(dataDir.resolve("run/order-service.pid"), ProcessHandle.current().pid() + "\n");
		// nothing listens on port 1: the gauges are left out, the files and the RSS are
		// not
		StackProbe probe = new StackProbe(dataDir, Map.of("order-service", "http://127.0.0.1:1"));

		assertThat(probe.sample()).anySatisfy((reading) -> {
			assertThat(reading.group()).isEqualTo(StackProbe.DB_FILES);
			assertThat(reading.name()).isEqualTo("order-service");
			assertThat(reading.value()).isEqualTo(2.0);
		}).noneSatisfy((reading) -> assertThat(reading.group()).isEqualTo(StackProbe.INBOX));
		if (Files.isReadable(Path.of("/proc/self/status"))) {
			assertThat(probe.sample()).anySatisfy((reading) -> {
				assertThat(reading.group()).isEqualTo(StackProbe.RSS);
				assertThat(reading.name()).isEqualTo("order-service");
				assertThat(reading.value()).isGreaterThan(1.0);
			});
		}
	}

	@Test
	void readsEachServicesReadyTimeFromTheLastStartInItsLog(@TempDir Path dataDir) throws IOException {
		Files.createDirectories(dataDir.resolve("logs"));
		Files.writeString(dataDir.resolve("logs/order-service.log"),
				"... Starting OrderServiceApplication using Java 25.0.3\n"
						+ "... Started OrderServiceApplication in 5.1 seconds (process running for 6.02)\n"
						+ "... Started OrderServiceApplication in 2.4 seconds (process running for 2.87)\n");
		Files.writeString(dataDir.resolve("logs/kafka.log"), "[KafkaServer id=1] started\n");
		assertThat(StartupTimes.read(dataDir)).containsExactly(Map.entry("order-service", 2.87));
		assertThat(StartupTimes.read(dataDir.resolve("nowhere"))).isEmpty();
	}

	@Test
	void readsTheResidentSetFromProcStatus() {
		assertThat(StackProbe.rssOfStatus("Name:\tjava\nVmRSS:\t  204800 kB\nVmSwap:\t0 kB\n"))
			.hasValue(204800.0 * 1024);
		assertThat(StackProbe.rssOfStatus("Name:\tzombie\n")).isEmpty();
	}

}
