package dev.orderflow.devstack.workshop;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.orderflow.devstack.DataDir;
import dev.orderflow.devstack.Installation;
import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.StackPorts;
import dev.orderflow.devstack.Terminal;
import dev.orderflow.devstack.kafka.KafkaUsers;

/**
 * {@code ./orderflow events TOPIC [-n N] [--key ORDER_ID]}: the last records of a topic
 * with their event type, decoded through the registry, so a learner sees what a lab step
 * published.
 */
@Command(name = "events", description = "The last records of a topic with their event type.")
public final class EventsCommand implements Callable<Integer> {

	private final Terminal terminal;

	@Parameters(paramLabel = "TOPIC", description = "e.g. orders, inventory, payments, orders.DLT")
	private String topic;

	@Option(names = "-n", paramLabel = "N", defaultValue = "20",
			description = "how many records (default: ${DEFAULT-VALUE})")
	private int limit;

	@Option(names = "--key", paramLabel = "ORDER_ID", description = "only the records of one order")
	private String key;

	public EventsCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() {
		StackPorts ports = StackPorts.defaults();
		// the stack's admin principal: the broker refuses clients without credentials
		// (ADR 0018)
		Path config = new DataDir(LocalStack.defaultDataDir(Installation.locate().repoRoot())).config();
		List<TopicRecords.Event> events = new TopicRecords(ports.bootstrapServers(),
				"http://127.0.0.1:" + ports.schemaRegistry(), KafkaUsers.adminClientProperties(config))
			.last(this.topic, Math.max(1, this.limit), Optional.ofNullable(this.key));
		this.terminal.out().printf("%-13s %-8s %-24s  %-36s  %s%n", "TOPIC", "P@OFFSET", "TIMESTAMP", "KEY", "EVENT");
		events.forEach(this.terminal.out()::println);
		this.terminal.out().println(events.size() + " record(s)");
		return 0;
	}

}
