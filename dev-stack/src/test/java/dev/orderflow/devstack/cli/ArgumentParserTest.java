package dev.orderflow.devstack.cli;

import java.nio.file.Path;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import dev.orderflow.devstack.Component;
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
		assertThat(ArgumentParser.parse("logs", "order-service").target()).contains(Component.ORDER_SERVICE);
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
