package dev.orderflow.devstack.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

import dev.orderflow.devstack.Component;
import dev.orderflow.devstack.Terminal;
import dev.orderflow.devstack.Topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code up}'s options as picocli reads them: what to start, and the topology they
 * describe together.
 */
class UpCommandTest extends AbstractLauncherTest {

	private final UpCommand up = new UpCommand(
			new Terminal(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err));

	@Test
	void startsEverythingDetachedByDefaultOrOnlyTheComponentsNamed() {
		parse("-d", "--data-dir", "/tmp/of");
		assertThat(this.up.detached()).isTrue();
		assertThat(this.up.cleanFirst()).isFalse();
		assertThat(this.up.wanted()).isEqualTo(EnumSet.allOf(Component.class));

		parse("--clean", "--data-dir=/x", "--only", "kafka,smtp");
		assertThat(this.up.cleanFirst()).isTrue();
		assertThat(this.up.wanted()).containsExactly(Component.KAFKA, Component.SMTP);
	}

	@Test
	void recordsWithFlightRecorderOnlyWhenGivenADirectory() {
		parse("-d");
		assertThat(this.up.flightRecordings()).isEmpty();

		parse("-d", "--clean", "--jfr", "target/jfr");
		assertThat(this.up.flightRecordings()).contains(Path.of("target/jfr"));
	}

	@Test
	void upWithoutScaleOptionsLeavesTheTopologyToTheDataDirectory() {
		parse("-d");

		assertThat(this.up.requestedTopology()).isEmpty();
	}

	@Test
	void scaleOptionsTogetherDescribeTheTopology() {
		parse("-d", "--clean", "--postgres", "--instances", "2", "--brokers=3");
		assertThat(this.up.requestedTopology()).contains(new Topology(2, 3, true));
	}

	@Test
	void aMissingOptionKeepsItsDefault() {
		parse("--brokers", "3");
		assertThat(this.up.requestedTopology()).contains(new Topology(1, 3, false));
	}

	@Test
	void postgresAloneKeepsOneInstanceAndOneBroker() {
		parse("--postgres");
		assertThat(this.up.requestedTopology()).contains(new Topology(1, 1, true));
	}

	@Test
	void severalInstancesWithoutPostgresAreAUsageError() {
		parse("--instances", "2");
		assertThatThrownBy(this.up::requestedTopology).isInstanceOf(ParameterException.class)
			.hasMessageContaining("--instances 2 needs --postgres")
			.hasMessageContaining("H2");

		assertThat(run("up", "--brokers", "2")).isEqualTo(2);
		assertThat(err()).contains("--brokers must be 1 or 3");
		assertThat(run("up", "--instances", "two")).isEqualTo(2);
		assertThat(err()).contains("Invalid value for option '--instances': 'two' is not an int");
	}

	@Test
	void rejectsUnknownComponentsAndOptionsThatGoWithUpOnly() {
		assertThat(run("up", "--only", "zookeeper")).isEqualTo(2);
		assertThat(err()).contains("Unknown component zookeeper; one of:", "kafka");
		assertThat(run("status", "--postgres")).isEqualTo(2);
		assertThat(err()).contains("Unknown option: '--postgres'");
		assertThat(run("up", "--data-dir")).isEqualTo(2);
		assertThat(err()).contains("Missing required parameter for option '--data-dir' (DIR)");
	}

	private void parse(String... args) {
		new CommandLine(this.up).parseArgs(args);
	}

}
