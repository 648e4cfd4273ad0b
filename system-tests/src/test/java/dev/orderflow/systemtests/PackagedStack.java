package dev.orderflow.systemtests;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import dev.orderflow.devstack.Component;
import dev.orderflow.devstack.Installation;
import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.Topology;

/**
 * The packaged stack as a user gets it from {@code ./orderflow up}: a real KRaft broker,
 * the SMTP catcher, the authorization server, the registry and the three services, each
 * its own OS process on the ports of docs/design.md, with a fresh data directory under
 * {@code target/}.
 */
final class PackagedStack {

	private PackagedStack() {
	}

	static LocalStack start(String name) {
		return start(name, Topology.single());
	}

	/**
	 * For {@link SharedStack}: a plain stack, started without stopping the shared one (it
	 * is the shared one).
	 */
	static LocalStack startDedicated(String name) {
		FaultStack.stop();
		return startFresh(name, Topology.single());
	}

	/**
	 * As {@link #start(String)}, scaled out as
	 * {@code ./orderflow up --postgres --instances N --brokers 3} does.
	 */
	static LocalStack start(String name, Topology topology) {
		SharedStack.stop();
		FaultStack.stop();
		return startFresh(name, topology);
	}

	private static LocalStack startFresh(String name, Topology topology) {
		LocalStack stack = builder(name).topology(topology).build();
		stack.dataDir().wipe();
		stack.start();
		return stack;
	}

	/**
	 * The stack of another build of the repository (e.g. a lab's copy), with a fresh data
	 * directory but not started: the lab starts it with {@code ./orderflow up -d}.
	 */
	static LocalStack notStarted(String name, Installation installation) {
		SharedStack.stop();
		FaultStack.stop();
		LocalStack stack = builder(name).installation(installation).build();
		stack.dataDir().wipe();
		return stack;
	}

	private static LocalStack.Builder builder(String name) {
		return LocalStack.builder()
			.dataDir(Path.of("target", name).toAbsolutePath())
			// the role matrix's clients: a token that expires after a second, one for
			// another API
			.environment(Component.AUTH_SERVER, Map.of("ORDERFLOW_AUTH_TEST_CLIENTS", "true"))
			.readyTimeout(Duration.ofMinutes(3))
			.progress(PackagedStack::print);
	}

	/**
	 * A progress line of a stack, with the time of day: the gaps between the lines show
	 * where a slow test's time went (starting, stopping).
	 */
	static void print(String line) {
		System.out.println("[stack " + LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + "] " + line);
	}

}
