package dev.orderflow.devstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java Flight Recorder recording of each JVM of the stack, for finding where the CPU
 * goes ({@code ./orderflow up --jfr DIR}, docs/performance.md): JFR's {@code profile}
 * settings (a stack sample of each running thread every 10 ms, allocation and lock
 * events), written to {@code DIR/<process>.jfr} when the process exits, i.e. on
 * {@code ./orderflow down}. A killed process writes nothing; {@code jcmd <pid> JFR.dump}
 * copies what a running one has so far.
 * <p>
 * On JDK 25 and later the JVMs also take CPU-time samples (JEP 509,
 * {@code jdk.CPUTimeSample}): a stack every 10 ms of CPU a thread uses, in Java or native
 * code, where the execution samples of older JDKs see only threads running Java code.
 *
 * @param directory where the recordings go; {@link #createDirectory()} makes it, as the
 * JVM refuses to start when it cannot write there
 */
public record FlightRecording(Path directory) {

	/**
	 * Spring's and Kafka's stacks are deeper than JFR's default of 64 frames: a cut stack
	 * loses the frames that say which listener or request it serves.
	 */
	static final int STACK_DEPTH = 256;

	/** The JVM options that record process {@code name} on this JDK. */
	public List<String> options(String name, int javaFeatureVersion) {
		Path file = this.directory.toAbsolutePath().resolve(name + ".jfr");
		if (file.toString().contains(",")) {
			// the option's own separator: JFR would cut the file name there
			throw new IllegalArgumentException("A JFR directory cannot contain a comma: " + this.directory);
		}
		StringBuilder recording = new StringBuilder("-XX:StartFlightRecording=name=orderflow,settings=profile")
			.append(",dumponexit=true,filename=")
			.append(file);
		if (javaFeatureVersion >= 25) {
			recording.append(",jdk.CPUTimeSample#enabled=true,jdk.CPUTimeSample#throttle=10ms");
		}
		List<String> options = new ArrayList<>();
		options.add(recording.toString());
		options.add("-XX:FlightRecorderOptions=stackdepth=" + STACK_DEPTH);
		return options;
	}

	/** Creates the directory of the recordings, if missing. */
	public void createDirectory() {
		try {
			Files.createDirectories(this.directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the JFR directory " + this.directory, ex);
		}
	}

	/** As {@link #options(String, int)}, for the Java that runs dev-stack. */
	public List<String> options(String name) {
		return options(name, Runtime.version().feature());
	}

}
