package dev.orderflow.devstack.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.orderflow.devstack.DataDir;
import dev.orderflow.devstack.Installation;
import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.StackPorts;
import dev.orderflow.devstack.kafka.KafkaUsers;

/**
 * The workshop's commands: {@code doctor} (setup check), {@code lab check N} (a learner's
 * result) and {@code events TOPIC} (the last records of a topic, by event type). They take
 * arguments of their own, so their command line skips the launcher's parser.
 */
final class WorkshopCommands {

	private static final Set<String> COMMANDS = Set.of("doctor", "lab", "events");

	private WorkshopCommands() {
	}

	static boolean matches(String[] args) {
		return args.length > 0 && COMMANDS.contains(args[0]);
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		try {
			List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
			return switch (args[0]) {
				case "doctor" -> new DoctorCommand(out, dataDir(rest)).run();
				case "lab" -> new LabCommand(out, () -> Installation.locate().repoRoot()).run(rest);
				default -> events(rest, out);
			};
		}
		catch (UsageException ex) {
			err.println("orderflow: " + ex.getMessage());
			return 2;
		}
		catch (IllegalStateException | org.apache.kafka.common.KafkaException ex) {
			err.println("orderflow: " + ex.getMessage());
			return 1;
		}
	}

	/** {@code events TOPIC [-n N] [--key ORDER_ID]}. */
	private static int events(List<String> args, PrintStream out) {
		String topic = null;
		int limit = 20;
		Optional<String> key = Optional.empty();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if ((arg.equals("-n") || arg.equals("--key")) && i + 1 == args.size()) {
				throw new UsageException(arg + " needs a value");
			}
			switch (arg) {
				case "-n" -> limit = parseLimit(args.get(++i));
				case "--key" -> key = Optional.of(args.get(++i));
				default -> {
					if (arg.startsWith("-") || topic != null) {
						throw new UsageException("usage: ./orderflow events TOPIC [-n N] [--key ORDER_ID]");
					}
					topic = arg;
				}
			}
		}
		if (topic == null) {
			throw new UsageException("usage: ./orderflow events TOPIC [-n N] [--key ORDER_ID]");
		}
		StackPorts ports = StackPorts.defaults();
		Path config = new DataDir(LocalStack.defaultDataDir(Installation.locate().repoRoot())).config();
		List<TopicRecords.Event> events = new TopicRecords(ports.bootstrapServers(),
				"http://127.0.0.1:" + ports.schemaRegistry(), KafkaUsers.adminClientProperties(config))
			.last(topic, limit, key);
		out.printf("%-13s %-8s %-24s  %-36s  %s%n", "TOPIC", "P@OFFSET", "TIMESTAMP", "KEY", "EVENT");
		events.forEach(out::println);
		out.println(events.size() + " record(s)");
		return 0;
	}

	private static int parseLimit(String value) {
		try {
			return Math.max(1, Integer.parseInt(value));
		}
		catch (NumberFormatException ex) {
			throw new UsageException("-n needs a number, got " + value);
		}
	}

	private static Path dataDir(List<String> args) {
		if (args.size() == 2 && args.get(0).equals("--data-dir")) {
			return Path.of(args.get(1));
		}
		if (!args.isEmpty()) {
			throw new UsageException("usage: ./orderflow doctor [--data-dir DIR]");
		}
		return LocalStack.defaultDataDir(Installation.locate().repoRoot());
	}

}
