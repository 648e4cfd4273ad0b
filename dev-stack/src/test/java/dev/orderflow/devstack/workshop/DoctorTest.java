package dev.orderflow.devstack.workshop;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orderflow.devstack.workshop.Doctor.Check;
import dev.orderflow.devstack.workshop.Doctor.Machine;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./orderflow doctor}: one line per requirement, non-zero exit when one fails. */
class DoctorTest {

	private static final Path DATA = Path.of("/tmp/orderflow-data");

	private static final long GIB = 1L << 30;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	@Test
	void passesOnAMachineThatMeetsEveryRequirement() {
		Machine machine = new Machine(17, (port) -> true, 2 * GIB, 4 * GIB);

		int exit = doctor().report(Doctor.checks(machine, DATA));

		assertThat(exit).isZero();
		assertThat(lines()).hasSize(12).allMatch((line) -> line.startsWith("OK  ") || line.startsWith("All checks"));
		assertThat(text()).contains("port 9092 free", "port 9093 free", "port 8080 free", "port 8081 free",
				"port 8082 free", "port 8083 free", "port 3025 free", "port 9000 free", "All checks passed");
	}

	@Test
	void failsOnOldJavaAndSaysWhatToDo() {
		List<Check> checks = Doctor.checks(new Machine(11, (port) -> true, 10 * GIB, 16 * GIB), DATA);

		assertThat(doctor().report(checks)).isEqualTo(1);
		assertThat(text()).contains("FAIL  Java 17 or newer", "running Java 11: install a JDK 17+",
				"1 check(s) failed");
	}

	@Test
	void failsOnEachBusyPortNamingWhoWantsIt() {
		List<Check> checks = Doctor.checks(new Machine(21, (port) -> port != 8081 && port != 3025, 10 * GIB, 16 * GIB),
				DATA);

		assertThat(doctor().report(checks)).isEqualTo(1);
		assertThat(text()).contains("FAIL  port 8081 free", "schema registry: in use", "FAIL  port 3025 free",
				"SMTP catcher: in use", "2 check(s) failed");
	}

	@Test
	void failsOnLowDiskAndMemory() {
		List<Check> checks = Doctor.checks(new Machine(25, (port) -> true, GIB, 3 * GIB), DATA);

		assertThat(doctor().report(checks)).isEqualTo(1);
		assertThat(text()).contains("FAIL  disk >= 2 GiB free", "1.0 GiB free for " + DATA, "FAIL  memory >= 4 GiB",
				"3.0 GiB in total", "2 check(s) failed");
	}

	@Test
	void runsOnThisMachineAndPrintsEveryCheck() {
		int exit = new Doctor(new PrintStream(this.output, true, StandardCharsets.UTF_8), DATA).run();

		assertThat(exit).isIn(0, 1);
		assertThat(lines()).hasSize(12);
		assertThat(text()).contains("Java 17 or newer", "disk >= 2 GiB free", "memory >= 4 GiB");
	}

	private Doctor doctor() {
		return new Doctor(new PrintStream(this.output, true, StandardCharsets.UTF_8), DATA);
	}

	private String text() {
		return this.output.toString(StandardCharsets.UTF_8);
	}

	private List<String> lines() {
		return text().lines().toList();
	}

}
