package dev.orderflow.bench.profile;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HotFramesTest {

	private final HotFrames hot = new HotFrames(Samples.parse(List.of(
			"listener;dev.orderflow.order.saga.Listener.on;org.h2.command.Command.executeUpdate;java.util.HashMap.get 6",
			"listener;dev.orderflow.order.saga.Listener.on;ch.qos.logback.classic.Logger.info 3",
			"http-nio-8080-exec-#;dev.orderflow.order.OrderService.place 1")));

	@Test
	void sharesByKindAreCountedOnTheLeafMostLibraryFrame() {
		assertThat(this.hot.byKind()).containsExactly(entry(FrameKind.SQL, 6), entry(FrameKind.LOGGING, 3),
				entry(FrameKind.APPLICATION, 1));
		assertThat(this.hot.decidingFrames().get(FrameKind.SQL))
			.containsOnlyKeys("org.h2.command.Command.executeUpdate");
	}

	@Test
	void theSummaryNamesTheHotFramesWithTheirShares() {
		String markdown = this.hot.markdown("order-service", 5);

		assertThat(markdown).contains("10 samples",
				"| SQL (H2, JDBC, pool) | 60.0 % | `Command.executeUpdate` 60.0 % |",
				"| `HashMap.get` | JDK, JVM and other | 60.0 % |", "| listener | 90.0 % |");
	}

	private static java.util.Map.Entry<FrameKind, Long> entry(FrameKind kind, long count) {
		return java.util.Map.entry(kind, count);
	}

}
