package dev.orderflow.bench.profile;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlameGraphTest {

	@Test
	void drawsEachFrameAsWideAsItsSamplesWithItsFullNameAsTooltip() {
		String svg = new FlameGraph("order-service <max>", Samples.parse(List.of("main;a.B.c;d.E.f 3", "main;a.B.c 1")))
			.svg();

		assertThat(svg).startsWith("<svg").endsWith("</svg>\n").contains("order-service &lt;max&gt;");
		assertThat(svg).contains("<title>all (4 samples, 100.0 %)</title>", "<title>a.B.c (4 samples, 100.0 %)</title>",
				"<title>d.E.f (3 samples, 75.0 %)</title>");
		// 1180 px for 4 samples: d.E.f is three quarters of it
		assertThat(svg).contains("width=\"885.0\"");
	}

	@Test
	void leavesOutFramesTooNarrowToSee() {
		String svg = new FlameGraph("t", Samples.parse(List.of("main;a.B.c 100000", "main;x.Y.rare 100"))).svg();

		// 100 of 100,100 samples: 1.2 px of 1180
		assertThat(svg).contains("a.B.c").doesNotContain("x.Y.rare");
	}

	@Test
	void labelsAreCutToTheirFrame() {
		assertThat(FlameGraph.label("Command.executeUpdate", 1000)).isEqualTo("Command.executeUpdate");
		assertThat(FlameGraph.label("Command.executeUpdate", 60)).isEqualTo("Comman..");
		assertThat(FlameGraph.label("Command.executeUpdate", 20)).isEmpty();
	}

}
