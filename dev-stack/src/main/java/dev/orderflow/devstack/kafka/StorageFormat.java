package dev.orderflow.devstack.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Uuid;

import dev.orderflow.devstack.process.LogTail;
import dev.orderflow.devstack.process.ServiceJvm;
import dev.orderflow.devstack.process.StartupException;

/**
 * Formats the broker's log directory once, as {@code kafka-storage.sh format} does; a
 * formatted directory ({@code meta.properties} present) is kept so data survives
 * restarts.
 */
public final class StorageFormat {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private StorageFormat() {
	}

	public static boolean isFormatted(Path logDir) {
		return Files.isRegularFile(logDir.resolve("meta.properties"));
	}

	/**
	 * The id of the cluster whose nodes keep their logs in {@code logDirs}: the one a
	 * formatted node was given, else a new one. Every node of a cluster is formatted with
	 * the same id.
	 */
	public static String clusterId(List<Path> logDirs) {
		for (Path logDir : logDirs) {
			Path meta = logDir.resolve("meta.properties");
			if (Files.isRegularFile(meta)) {
				Properties properties = new Properties();
				try (Reader in = Files.newBufferedReader(meta)) {
					properties.load(in);
				}
				catch (IOException ex) {
					throw new StartupException("Cannot read " + meta + ": " + ex.getMessage(), ex);
				}
				String id = properties.getProperty("cluster.id");
				if (id != null && !id.isBlank()) {
					return id;
				}
			}
		}
		return Uuid.randomUuid().toString();
	}

	/**
	 * Runs {@code kafka.tools.StorageTool format} in a child JVM with the broker's
	 * classpath.
	 * @param clusterId the cluster's id, the same for all its nodes ({@link #clusterId})
	 * @param javaCommand {@code java} plus marker options
	 * @param classpath the broker's classpath
	 * @param users the SCRAM users the cluster starts with
	 * @return true when it formatted, false when the directory was already formatted
	 */
	public static boolean formatIfNeeded(Path logDir, Path serverProperties, String clusterId, List<String> javaCommand,
			String classpath, KafkaUsers users, Path logFile) {
		if (isFormatted(logDir)) {
			return false;
		}
		// a tool that runs for seconds: it starts sooner as a small JVM
		List<String> arguments = new java.util.ArrayList<>(List.of("-Xmx256m"));
		arguments.addAll(ServiceJvm.SMALL_JVM);
		arguments.addAll(List.of("-Dlog4j2.configurationFile=" + serverProperties.resolveSibling("broker-log4j2.yaml"),
				"-cp", classpath, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
				serverProperties.toString()));
		arguments.addAll(users.scramArguments());
		// the passwords go in an argument file only the owner may read, not on a command
		// line that ps shows
		Path argumentFile = serverProperties.resolveSibling("storage-format-" + logDir.getFileName() + ".args");
		KafkaUsers.writeOwnerOnly(argumentFile,
				arguments.stream()
					.map((argument) -> '"' + argument.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
					.collect(java.util.stream.Collectors.joining(System.lineSeparator(), "", System.lineSeparator())));
		List<String> command = new java.util.ArrayList<>(javaCommand);
		command.add("@" + argumentFile);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
				.start();
			process.getOutputStream().close();
			if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new StartupException("Formatting the Kafka storage took more than " + TIMEOUT.toSeconds() + " s."
						+ System.lineSeparator() + LogTail.excerpt(logFile, 30));
			}
			if (process.exitValue() != 0) {
				throw new StartupException("Formatting the Kafka storage in " + logDir + " failed (exit code "
						+ process.exitValue() + ")." + System.lineSeparator() + LogTail.excerpt(logFile, 30));
			}
			return true;
		}
		catch (java.io.IOException ex) {
			throw new StartupException("Cannot run the Kafka storage tool: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StartupException("Interrupted while formatting the Kafka storage", ex);
		}
		finally {
			try {
				Files.deleteIfExists(argumentFile);
			}
			catch (IOException ex) {
				// it is readable by its owner only and overwritten by the next format
			}
		}
	}

}
