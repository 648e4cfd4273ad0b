package dev.orderflow.devstack.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code java} command lines for child processes: the same Java that runs the
 * launcher, and two marker properties so a pid can be checked to still be ours.
 */
public final class JavaCommand {

	private static final String PROCESS_MARKER = "-Dorderflow.process=";

	private static final String DATA_MARKER = "-Dorderflow.data=";

	private JavaCommand() {
	}

	/**
	 * {@code java -Dorderflow.process=NAME -Dorderflow.data=DIR}, to be followed by JVM
	 * options and the main.
	 */
	public static List<String> java(String name, Path dataDir) {
		List<String> command = new ArrayList<>();
		command.add(javaExecutable());
		command.add(PROCESS_MARKER + name);
		command.add(DATA_MARKER + dataDir);
		return command;
	}

	/** Whether a command line is the one of our process NAME of the stack in DIR. */
	public static boolean isOurs(String commandLine, String name, Path dataDir) {
		return commandLine.contains(PROCESS_MARKER + name + " ") && commandLine.contains(DATA_MARKER + dataDir + " ");
	}

	static String javaExecutable() {
		boolean windows = System.getProperty("os.name").toLowerCase().contains("win");
		Path java = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
		if (Files.isExecutable(java)) {
			return java.toString();
		}
		return ProcessHandle.current().info().command().orElse("java");
	}

}
