package dev.orderflow.devstack.process;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FlightRecordingTest {

	private final FlightRecording recording = new FlightRecording(Path.of("/tmp/jfr"));

	@Test
	void recordsWithTheProfileSettingsIntoOneFilePerProcessWrittenOnExit() {
		assertThat(this.recording.options("order-service", 17)).containsExactly(
				"-XX:StartFlightRecording=name=orderflow,settings=profile,dumponexit=true,filename=/tmp/jfr/order-service.jfr",
				"-XX:FlightRecorderOptions=stackdepth=256");
	}

	@Test
	void onJdk25AlsoTakesCpuTimeSamples() {
		assertThat(this.recording.options("order-service-2", 25).get(0))
			.isEqualTo("-XX:StartFlightRecording=name=orderflow,settings=profile,dumponexit=true"
					+ ",filename=/tmp/jfr/order-service-2.jfr"
					+ ",jdk.CPUTimeSample#enabled=true,jdk.CPUTimeSample#throttle=10ms");
	}

	@Test
	void aRelativeDirectoryIsMadeAbsoluteForProcessesThatRunElsewhere() {
		assertThat(new FlightRecording(Path.of("target/jfr")).options("kafka", 17).get(0))
			.contains("filename=" + Path.of("target/jfr/kafka.jfr").toAbsolutePath());
	}

	@Test
	void rejectsADirectoryWithACommaWhichWouldCutTheOption() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FlightRecording(Path.of("/tmp/a,b")).options("smtp", 17))
			.withMessageContaining("comma");
	}

}
