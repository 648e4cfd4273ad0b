package dev.orderflow.devstack.cli;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.orderflow.devstack.Component;
import dev.orderflow.devstack.StackProcess;
import dev.orderflow.devstack.Topology;
import dev.orderflow.devstack.cli.Arguments.Command;

/**
 * Parses {@code ./orderflow COMMAND [options]}; options may come anywhere and accept both
 * {@code --data-dir DIR} and {@code --data-dir=DIR}.
 */
public final class ArgumentParser {

	private ArgumentParser() {
	}

	public static Arguments parse(String... args) {
		Deque<String> queue = new ArrayDeque<>(List.of(args));
		Command command = null;
		boolean detach = false;
		boolean clean = false;
		Optional<Path> dataDir = Optional.empty();
		Set<Component> only = EnumSet.noneOf(Component.class);
		Optional<StackProcess> target = Optional.empty();
		Optional<Integer> instances = Optional.empty();
		Optional<Integer> brokers = Optional.empty();
		boolean postgres = false;
		while (!queue.isEmpty()) {
			String arg = queue.poll();
			if (arg.startsWith("--instances")) {
				instances = Optional.of(number(value(arg, "--instances", queue), "--instances"));
			}
			else if (arg.startsWith("--brokers")) {
				brokers = Optional.of(number(value(arg, "--brokers", queue), "--brokers"));
			}
			else if (arg.equals("--postgres")) {
				postgres = true;
			}
			else if (arg.startsWith("--data-dir")) {
				dataDir = Optional.of(Path.of(value(arg, "--data-dir", queue)));
			}
			else if (arg.startsWith("--only")) {
				only = components(value(arg, "--only", queue));
			}
			else {
				switch (arg) {
					case "-d", "--detach" -> detach = true;
					case "--clean" -> clean = true;
					case "-h", "--help" -> command = Command.HELP;
					default -> {
						if (arg.startsWith("-")) {
							throw new UsageException("Unknown option " + arg);
						}
						if (command == null) {
							command = command(arg);
						}
						else if ((command == Command.LOGS || command == Command.KILL) && target.isEmpty()) {
							target = Optional.of(process(arg));
						}
						else {
							throw new UsageException("Unexpected argument " + arg);
						}
					}
				}
			}
		}
		command = (command != null) ? command : Command.HELP;
		boolean scaled = instances.isPresent() || brokers.isPresent() || postgres;
		validate(command, detach || clean || scaled, only, target);
		Optional<Topology> topology = scaled ? Optional.of(topology(instances, brokers, postgres)) : Optional.empty();
		return new Arguments(command, detach, clean, dataDir, only, topology, target);
	}

	private static void validate(Command command, boolean upOptions, Set<Component> only,
			Optional<StackProcess> target) {
		if (command == Command.HELP) {
			return;
		}
		if ((upOptions || !only.isEmpty()) && command != Command.UP) {
			throw new UsageException("-d, --clean, --only, --instances, --postgres and --brokers go with up, not with "
					+ name(command));
		}
		if ((command == Command.LOGS || command == Command.KILL) && target.isEmpty()) {
			throw new UsageException(name(command) + " needs a NAME, one of: " + Component.ids());
		}
	}

	private static Command command(String arg) {
		try {
			return Command.valueOf(arg.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException("Unknown command " + arg);
		}
	}

	private static Set<Component> components(String list) {
		Set<Component> components = EnumSet.noneOf(Component.class);
		for (String id : list.split(",")) {
			if (!id.isBlank()) {
				components.add(component(id.trim()));
			}
		}
		if (components.isEmpty()) {
			throw new UsageException("--only needs at least one of: " + Component.ids());
		}
		return components;
	}

	/** Options not given keep their default: one instance, one broker, H2. */
	private static Topology topology(Optional<Integer> instances, Optional<Integer> brokers, boolean postgres) {
		try {
			return new Topology(instances.orElse(1), brokers.orElse(1), postgres);
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(ex.getMessage());
		}
	}

	private static int number(String value, String option) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new UsageException(option + " needs a number, not " + value);
		}
	}

	private static StackProcess process(String name) {
		return StackProcess.byName(name)
			.orElseThrow(() -> new UsageException("Unknown component " + name + "; one of: " + Component.ids()
					+ " (instance k of a scaled-out stack: NAME-k, e.g. order-service-2)"));
	}

	private static Component component(String id) {
		return Component.byId(id)
			.orElseThrow(() -> new UsageException("Unknown component " + id + "; one of: " + Component.ids()));
	}

	private static String value(String arg, String option, Deque<String> queue) {
		if (arg.startsWith(option + "=")) {
			return requireValue(arg.substring(option.length() + 1), option);
		}
		if (!arg.equals(option)) {
			throw new UsageException("Unknown option " + arg);
		}
		String value = queue.poll();
		if (value == null || value.startsWith("-")) {
			throw new UsageException(option + " needs a value");
		}
		return value;
	}

	private static String requireValue(String value, String option) {
		if (value.isBlank()) {
			throw new UsageException(option + " needs a value");
		}
		return value;
	}

	static String name(Command command) {
		return command.name().toLowerCase(Locale.ROOT);
	}

}
