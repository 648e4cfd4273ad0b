package dev.orderflow.systemtests;

import dev.orderflow.devstack.LocalStack;

/**
 * One plain packaged stack shared by the test classes that only place a few orders and look
 * (tracing, saga, console), so the build starts it once instead of once per class. It runs until
 * a class starts a stack of its own ({@link PackagedStack}, {@link SnapshotStack}: both need the
 * same ports) or the test JVM exits. The classes that share it run first and in a fixed order
 * ({@code @Order}, see junit-platform.properties): tracing counts the saga's meters from zero.
 */
final class SharedStack {

	private static LocalStack stack;

	private SharedStack() {
	}

	/** The shared stack, started on first use. */
	static synchronized LocalStack get() {
		if (stack == null) {
			stack = PackagedStack.startDedicated("shared-stack");
			Runtime.getRuntime().addShutdownHook(new Thread(SharedStack::stop, "shared-stack-stop"));
		}
		return stack;
	}

	/** Stops the shared stack if it runs: a class is about to start a stack of its own. */
	static synchronized void stop() {
		if (stack != null) {
			stack.stop();
			stack = null;
		}
	}

}
