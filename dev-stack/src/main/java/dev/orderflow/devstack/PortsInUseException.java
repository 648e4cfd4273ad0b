package dev.orderflow.devstack;

import java.util.List;
import java.util.stream.Collectors;

import dev.orderflow.devstack.ports.PortConflict;
import dev.orderflow.devstack.process.StartupException;

/**
 * Ports the stack needs are taken; nothing was started.
 */
public class PortsInUseException extends StartupException {

	private final List<PortConflict> conflicts;

	public PortsInUseException(List<PortConflict> conflicts) {
		super(conflicts.stream()
			.map(PortConflict::message)
			.collect(Collectors.joining(System.lineSeparator() + "  ", "Cannot start: " + System.lineSeparator() + "  ",
					System.lineSeparator() + "Stop what holds the port(s), then try again.")));
		this.conflicts = List.copyOf(conflicts);
	}

	public List<PortConflict> conflicts() {
		return this.conflicts;
	}

}
