package dev.orderflow.devstack.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import dev.orderflow.devstack.Component;
import dev.orderflow.devstack.StackProcess;
import dev.orderflow.devstack.Topology;

/**
 * A parsed command line.
 *
 * @param command what to do
 * @param detach {@code up -d}: start, wait until ready, exit
 * @param clean {@code up --clean}: wipe the data directory first
 * @param dataDir {@code --data-dir DIR}
 * @param only {@code --only a,b}: the components to start (all by default)
 * @param topology {@code --instances N}, {@code --postgres}, {@code --brokers 3}: the topology they
 * describe together, when any of them is given
 * @param target the process of {@code logs NAME} and {@code kill NAME}, e.g. {@code order-service-2}
 */
public record Arguments(Command command, boolean detach, boolean clean, Optional<Path> dataDir, Set<Component> only,
		Optional<Topology> topology, Optional<StackProcess> target) {

	/** The commands of {@code ./orderflow}. */
	public enum Command {

		UP, DOWN, STATUS, LOGS, KILL, MAIL, HELP

	}

	public Arguments {
		only = only.isEmpty() ? EnumSet.allOf(Component.class) : EnumSet.copyOf(only);
	}

}
