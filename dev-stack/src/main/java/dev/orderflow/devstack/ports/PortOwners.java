package dev.orderflow.devstack.ports;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.orderflow.devstack.ports.PortConflict.PortHolder;
import dev.orderflow.devstack.process.CommandLines;

/**
 * Best effort, Linux only: finds the process listening on a TCP port from
 * {@code /proc/net/tcp[6]} (the socket's inode) and {@code /proc/PID/fd} (who holds that
 * inode). Other systems, and processes of other users, yield nothing.
 */
final class PortOwners {

	private static final String LISTEN = "0A";

	private static final int MAX_PROCESSES = 10_000;

	private static final int MAX_COMMAND_LINE = 200;

	private PortOwners() {
	}

	static Optional<PortHolder> holderOf(int port) {
		Set<String> inodes = listeningInodes(port);
		if (inodes.isEmpty()) {
			return Optional.empty();
		}
		try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
			int seen = 0;
			for (Path proc : procs) {
				if (++seen > MAX_PROCESSES) {
					break;
				}
				if (holdsSocket(proc, inodes)) {
					long pid = Long.parseLong(proc.getFileName().toString());
					String command = CommandLines.of(pid).map(String::trim).orElse("?");
					return Optional.of(new PortHolder(pid, abbreviate(command)));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// best effort: the message then says we could not tell
		}
		return Optional.empty();
	}

	static Set<String> listeningInodes(int port) {
		Set<String> inodes = new HashSet<>();
		String hexPort = String.format(Locale.ROOT, ":%04X", port);
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			try {
				for (String line : Files.readAllLines(Path.of(table))) {
					String[] fields = line.trim().split("\\s+");
					// sl local_address rem_address st tx_queue:rx_queue tr:tm->when
					// retrnsmt uid timeout inode
					if (fields.length > 9 && fields[1].endsWith(hexPort) && fields[3].equals(LISTEN)) {
						inodes.add(fields[9]);
					}
				}
			}
			catch (IOException ex) {
				// not Linux, or no IPv6: nothing to read
			}
		}
		return inodes;
	}

	private static boolean holdsSocket(Path proc, Set<String> inodes) {
		try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
			for (Path fd : fds) {
				String target = Files.readSymbolicLink(fd).toString();
				if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
					return true;
				}
			}
		}
		catch (IOException | SecurityException ex) {
			// another user's process, or it just ended
		}
		return false;
	}

	private static String abbreviate(String command) {
		return (command.length() <= MAX_COMMAND_LINE) ? command : command.substring(0, MAX_COMMAND_LINE) + "...";
	}

}
