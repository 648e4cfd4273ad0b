package dev.orderflow.devstack.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to launch one process of the stack.
 *
 * @param name the component name (log and pid file names)
 * @param command the full command line, {@code java} first
 * @param environment extra environment variables
 * @param workingDirectory where the process runs
 * @param logFile where stdout and stderr are appended
 * @param pidFile where the pid is recorded while it runs
 */
public record ProcessSpec(String name, List<String> command, Map<String, String> environment, Path workingDirectory,
		Path logFile, Path pidFile) {

	public ProcessSpec {
		command = List.copyOf(command);
		environment = Map.copyOf(environment);
	}

}
