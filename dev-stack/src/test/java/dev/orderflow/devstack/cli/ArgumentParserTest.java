package dev.orderflow.devstack.cli;

import java.nio.file.Path;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import dev.orderflow.devstack.Component;
import dev.orderflow.devstack.StackProcess;
import dev.orderflow.devstack.Topology;
import dev.orderflow.devstack.cli.Arguments.Command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgumentParserTest {

	@Test
	void parsesDetachedUpWithDataDir() {
		Arguments arguments = ArgumentParser.parse("up", "-d", "--data-dir", "/tmp/of");

		assertThat(arguments.command()).isEqualTo(Command.UP);
		assertThat(arguments.detach()).isTrue();
		assertThat(arguments.clean()).isFalse();
		assertThat(arguments.dataDir()).contains(Path.of("/tmp/of"));
		assertThat(arguments.only()).isEqualTo(EnumSet.allOf(Component.class));
	}

	@Test
	void acceptsOptionsBeforeTheCommandAndWithEquals() {
		Arguments arguments = ArgumentParser.parse("--clean", "--data-dir=/x", "up", "--only", "kafka,smtp");

		assertThat(arguments.clean()).isTrue();
		assertThat(arguments.dataDir()).contains(Path.of("/x"));
		assertThat(arguments.only()).containsExactly(Component.KAFKA, Component.SMTP);
	}

	@Test
	void logsTakesAComponentName() {
		assertThat(ArgumentParser.parse("logs", "order-service").target())
			.contains(StackProcess.first(Component.ORDER_SERVICE));
	}

	@Test
	void logsAndKillTakeTheNameOfAnInstance() {
		assertThat(ArgumentParser.parse("logs", "order-service-2").target())
			.contains(new StackProcess(Component.ORDER_SERVICE, 2));
		assertThat(ArgumentParser.parse("kill", "kafka-3").target()).contains(new StackProcess(Component.KAFKA, 3));
	}

	@Test
	void upWithoutScaleOptionsLeavesTheTopologyToTheDataDirectory() {
		assertThat(ArgumentParser.parse("up", "-d").topology()).isEmpty();
	}

	@Test
	void scaleOptionsTogetherDescribeTheTopology() {
		assertThat(ArgumentParser.parse("up", "-d", "--clean", "--postgres", "--instances", "2", "--brokers=3").topology())
			.contains(new Topology(2, 3, true));
		assertThat(ArgumentParser.parse("up", "--brokers", "3").topology()).contains(new Topology(1, 3, false));
		assertThat(ArgumentParser.parse("up", "--postgres").topology()).contains(new Topology(1, 1, true));
	}

	@Test
	void severalInstancesWithoutPostgresAreAUsageError() {
		assertThatThrownBy(() -> ArgumentParser.parse("up", "--instances", "2")).isInstanceOf(UsageException.class)
			.hasMessageContaining("--instances 2 needs --postgres")
			.hasMessageContaining("H2");
		assertThatThrownBy(() -> ArgumentParser.parse("up", "--brokers", "2")).isInstanceOf(UsageException.class)
			.hasMessageContaining("--brokers must be 1 or 3");
		assertThatThrownBy(() -> ArgumentParser.parse("up", "--instances", "two")).isInstanceOf(UsageException.class)
			.hasMessageContaining("--instances needs a number");
		assertThatThrownBy(() -> ArgumentParser.parse("status", "--postgres")).isInstanceOf(UsageException.class)
			.hasMessageContaining("go with up");
	}

	@Test
	void noArgumentsOrHelpFlagMeanHelp() {
		assertThat(ArgumentParser.parse().command()).isEqualTo(Command.HELP);
		assertThat(ArgumentParser.parse("status", "--help").command()).isEqualTo(Command.HELP);
	}

	@Test
	void rejectsUnknownCommandOptionAndComponent() {
		assertThatThrownBy(() -> ArgumentParser.parse("start")).isInstanceOf(UsageException.class)
			.hasMessageContaining("Unknown command start");
		assertThatThrownBy(() -> ArgumentParser.parse("up", "--fast")).hasMessageContaining("Unknown option --fast");
		assertThatThrownBy(() -> ArgumentParser.parse("logs", "zookeeper"))
			.hasMessageContaining("Unknown component zookeeper")
			.hasMessageContaining("kafka");
	}

	@Test
	void rejectsLogsWithoutNameAndUpOptionsOnOtherCommands() {
		assertThatThrownBy(() -> ArgumentParser.parse("logs")).hasMessageContaining("logs needs a NAME");
		assertThatThrownBy(() -> ArgumentParser.parse("down", "-d")).hasMessageContaining("go with up");
		assertThatThrownBy(() -> ArgumentParser.parse("up", "--data-dir")).hasMessageContaining("needs a value");
	}

}
