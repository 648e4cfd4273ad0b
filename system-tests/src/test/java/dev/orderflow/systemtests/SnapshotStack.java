package dev.orderflow.systemtests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

import dev.orderflow.devstack.LocalStack;

/**
 * Like {@link PackagedStack}, but every service runs the build it started with for the
 * whole test. A test that kills and restarts services must restart the same build: a jar
 * rebuilt in the meantime (by another build in the same tree) would otherwise be started
 * instead. The services run from their jars' extracted copies, which a rebuild does not
 * touch ({@code LocalStack.Builder#sameBuildOnRestart}).
 * <p>
 * Those copies are the ones the shared stack ({@link SharedStack}) ran from, so these
 * stacks start with the start-up cache it wrote when it stopped, and restart killed
 * services with it too. They record none themselves: a killed service writes nothing, and
 * each would spend seconds writing it at every stop.
 */
final class SnapshotStack {

	private SnapshotStack() {
	}

	static LocalStack start(String name) {
		return start(name, (builder) -> builder);
	}

	/**
	 * As {@link #start(String)}, with more settings (a topology, environment for a
	 * service).
	 */
	static LocalStack start(String name, UnaryOperator<LocalStack.Builder> settings) {
		SharedStack.stop();
		FaultStack.stop();
		LocalStack stack = settings
			.apply(LocalStack.builder()
				.dataDir(Path.of("target", name).toAbsolutePath())
				.sameBuildOnRestart(true)
				.recordStartupCache(false)
				.readyTimeout(Duration.ofMinutes(3))
				.progress(PackagedStack::print))
			.build();
		stack.dataDir().wipe();
		stack.start();
		return stack;
	}

}
