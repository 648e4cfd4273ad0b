package dev.orderflow.devstack.ports;

import java.util.Optional;

/**
 * A port the stack wants that is already taken.
 *
 * @param port the port
 * @param purpose what orderflow wanted it for
 * @param holder the process listening on it, when it can be told
 */
public record PortConflict(int port, String purpose, Optional<PortHolder> holder) {

	/** The process holding a port. */
	public record PortHolder(long pid, String commandLine) {
	}

	public String message() {
		return "port " + this.port + " (wanted for the " + this.purpose + ") is already in use"
				+ this.holder.map((h) -> " by pid " + h.pid() + ": " + h.commandLine())
					.orElse(" by another process (could not tell which; try: ss -ltnp | grep :" + this.port + ")");
	}

}
