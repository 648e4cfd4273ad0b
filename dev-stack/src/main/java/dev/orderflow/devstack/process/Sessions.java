package dev.orderflow.devstack.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * On Linux, children start in their own session ({@code setsid}), so Ctrl-C in the
 * terminal reaches only the launcher, which then stops them in reverse order, and a
 * detached stack survives the terminal closing. {@code setsid} execs in place, so the pid
 * stays the child's.
 */
final class Sessions {

	private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

	private Sessions() {
	}

	static List<String> detachedPrefix() {
		if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
			return List.of();
		}
		return SETSID.stream()
			.filter(Files::isExecutable)
			.findFirst()
			.map((p) -> List.of(p.toString()))
			.orElse(List.of());
	}

}
