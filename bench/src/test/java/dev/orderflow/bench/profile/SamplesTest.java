package dev.orderflow.bench.profile;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SamplesTest {

	@Test
	void collapsedStacksRoundTripAndAddUpTheSameStack() {
		Samples samples = Samples
			.parse(List.of("http-nio-8080-exec-#;a.B.c;d.E.f 3", "main;a.B.c 2", "http-nio-8080-exec-#;a.B.c;d.E.f 1"));

		assertThat(samples.total()).isEqualTo(6);
		assertThat(samples.lines()).containsExactly("http-nio-8080-exec-#;a.B.c;d.E.f 4", "main;a.B.c 2");
		assertThat(Samples.parse(samples.lines())).isEqualTo(samples);
	}

	@Test
	void threadsOfOnePoolAddUpAndTheFormatsSeparatorsCannotAppearInANameOrFrame() {
		assertThat(Samples.threadGroup("http-nio-8080-exec-17")).isEqualTo("http-nio-8080-exec-#");
		assertThat(Samples.threadGroup("kafka-producer-network-thread | producer-1"))
			.isEqualTo("kafka-producer-network-thread_|_producer-#");
		assertThat(Samples.frames("main;a.B.c;d.E.f")).containsExactly("a.B.c", "d.E.f");
		assertThat(Samples.thread("main;a.B.c")).isEqualTo("main");
	}

	@Test
	void readsTheExecutionSamplesOfARecordingInsideTheWindow(@TempDir Path tmp) throws Exception {
		Path file = tmp.resolve("spin.jfr");
		Instant start = Instant.now();
		Samples samples = new Samples(java.util.Map.of());
		// the sampler may miss a short burst on a busy machine: try a few times, bounded
		for (int attempt = 0; attempt < 10 && samples.total() == 0; attempt++) {
			try (Recording recording = new Recording()) {
				recording.enable(Samples.EXECUTION_SAMPLE).withPeriod(Duration.ofMillis(10));
				recording.start();
				spin(Duration.ofMillis(300));
				recording.stop();
				recording.dump(file);
			}
			samples = Samples.read(file, Samples.EXECUTION_SAMPLE, start, Instant.now());
		}

		assertThat(samples.total()).isPositive();
		assertThat(samples.stacks().keySet())
			.anyMatch((stack) -> stack.contains(SamplesTest.class.getName() + ".spin"));
		assertThat(Samples.read(file, Samples.EXECUTION_SAMPLE, start.minusSeconds(60), start).total()).isZero();
	}

	private static long spin(Duration duration) {
		long end = System.nanoTime() + duration.toNanos();
		long sum = 0;
		while (System.nanoTime() < end) {
			sum += Long.toString(sum).hashCode();
		}
		return sum;
	}

}
