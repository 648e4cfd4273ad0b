package dev.orderflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CpuMeterTest {

	/** Pids far above any kernel's pid_max: no real process has them. */
	private static final long ORDER_SERVICE = 99_000_001L;

	private static final long KAFKA = 99_000_002L;

	private static final long BENCH = 99_000_003L;

	@Test
	void readsUserAndSystemTimeFromAProcStatLine() {
		// utime 1500 and stime 250 are fields 14 and 15
		String stat = "4242 (java) S 1 4242 4242 0 -1 4194560 51234 0 12 0 1500 250 0 0 20 0 61 0 3456 "
				+ "3012345678 75000 18446744073709551615 1 1 0 0 0 0 0 2 16800973 0 0 0 17 1 0 0 0 0 0";
		assertThat(ProcessCpu.ticksOfStat(stat)).hasValue(1750);
	}

	@Test
	void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
		String stat = "77 (my (odd) name) R 1 77 77 0 -1 0 0 0 0 0 40 2 0 0 20 0 1 0 100 0 0";
		assertThat(ProcessCpu.ticksOfStat(stat)).hasValue(42);
		assertThat(ProcessCpu.ticksOfStat("garbage")).isEmpty();
		assertThat(ProcessCpu.ticksOfStat("1 (short) S 1 2 3")).isEmpty();
	}

	@Test
	void chargesEachProcessTheTicksOfTheWindowPerOrderAndSumsTheStackWithoutTheBench(@TempDir Path proc)
			throws IOException {
		ProcessCpu cpu = new ProcessCpu(proc, 100);
		stat(proc, "self", 0, 0);
		stat(proc, ORDER_SERVICE, 1000, 200);
		stat(proc, KAFKA, 500, 100);
		stat(proc, BENCH, 300, 0);
		status(proc, ORDER_SERVICE, 204800);
		CpuMeter meter = new CpuMeter(cpu,
				Map.of("order-service", ORDER_SERVICE, "kafka", KAFKA, CpuMeter.BENCH, BENCH),
				Set.of("order-service", "kafka"))
			.start();
		// 100 ticks a second: order-service used 4 s of CPU, kafka 1 s, the bench 2 s
		stat(proc, ORDER_SERVICE, 1300, 300);
		stat(proc, KAFKA, 580, 120);
		stat(proc, BENCH, 500, 0);

		CpuReport report = meter.stop(1000);

		assertThat(report.measured()).isTrue();
		assertThat(report.orders()).isEqualTo(1000);
		assertThat(report.stackMillis()).isEqualTo(5000.0);
		assertThat(report.stackMillisPerOrder()).isEqualTo(5.0);
		assertThat(report.processes()).extracting(CpuReport.Process::name)
			.containsExactly("bench", "kafka", "order-service");
		assertThat(report.processes()).filteredOn((p) -> p.name().equals("order-service"))
			.singleElement()
			.satisfies((p) -> {
				assertThat(p.inStack()).isTrue();
				assertThat(p.cpuMillis()).isEqualTo(4000.0);
				assertThat(p.millisPerOrder()).isEqualTo(4.0);
				assertThat(p.rssMib()).isEqualTo(200.0);
			});
		assertThat(report.processes()).filteredOn((p) -> p.name().equals("bench")).singleElement().satisfies((p) -> {
			assertThat(p.inStack()).isFalse();
			assertThat(p.millisPerOrder()).isEqualTo(2.0);
		});
	}

	@Test
	void aProcessThatIsGoneAtTheEndIsLeftOutAndAChildBornInTheWindowCountsFromZero() {
		CpuMeter meter = new CpuMeter(new ProcessCpu(Path.of("/nonexistent"), 100), Map.of("postgres", 1L, "kafka", 2L),
				Set.of("postgres", "kafka"));
		// postgres served the window from a new child (pid 11); kafka was stopped
		CpuReport report = meter.report(Map.of("postgres", Map.of(1L, 100L), "kafka", Map.of(2L, 50L)),
				Map.of("postgres", Map.of(1L, 150L, 11L, 30L)), 10, 40);
		assertThat(report.processes()).singleElement().satisfies((p) -> {
			assertThat(p.name()).isEqualTo("postgres");
			assertThat(p.cpuMillis()).isEqualTo(800.0);
			assertThat(p.cpuPercent()).isEqualTo(8.0);
		});
		assertThat(report.stackMillisPerOrder()).isEqualTo(20.0);
	}

	@Test
	void withoutProcTheReportSaysSoInsteadOfShowingZeros(@TempDir Path noProc) {
		CpuMeter meter = new CpuMeter(new ProcessCpu(noProc, 100), Map.of("kafka", KAFKA), Set.of("kafka")).start();
		CpuReport report = meter.stop(100);
		assertThat(report.measured()).isFalse();
		assertThat(report.note()).contains("no /proc");

		ScenarioResult raw = ReportWriterTest.scenario("raw", "max", 0, 64, 2000.0, List.of()).with(report, List.of());
		String markdown = ReportWriter.markdown(ReportWriterTest.report(List.of(raw), List.of()));
		assertThat(markdown).contains("Not measured: no /proc").doesNotContain("stack CPU ms/order", "0.00");
	}

	private static void stat(Path proc, Object pid, long utime, long stime) throws IOException {
		Path dir = Files.createDirectories(proc.resolve(pid.toString()));
		Files.writeString(dir.resolve("stat"), pid + " (java) S 1 1 1 0 -1 0 0 0 0 0 " + utime + " " + stime
				+ " 0 0 20 0 40 0 100 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n");
	}

	private static void status(Path proc, long pid, long rssKb) throws IOException {
		Files.writeString(proc.resolve(Long.toString(pid)).resolve("status"),
				"Name:\tjava\nVmRSS:\t" + rssKb + " kB\n");
	}

}
