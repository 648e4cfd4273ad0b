package dev.orderflow.systemtests;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.orderflow.devstack.LocalStack;

/**
 * One plain packaged stack shared by the test classes that only place a few orders and
 * look (tracing, saga, console, the role matrix), then by the labs
 * ({@link LabDocsSystemTest}, which ends it), so the build starts it once instead of once
 * per class. It runs until a class starts a stack of its own ({@link PackagedStack},
 * {@link SnapshotStack}: both need the same ports) or the test run ends. The classes that
 * share it run first and in a fixed order ({@code @Order}, see
 * junit-platform.properties): tracing counts the saga's meters from zero.
 * <p>
 * As an extension ({@code @ExtendWith(SharedStack.class)}) it stops the stack when the
 * test run ends, in the run itself: a JVM shutdown hook would race Surefire, which kills
 * a fork that takes more than 30 s to exit and would leave the stack's processes behind.
 */
final class SharedStack implements BeforeAllCallback {

	private static LocalStack stack;

	/** The shared stack, started on first use. */
	static synchronized LocalStack get() {
		if (stack == null) {
			stack = PackagedStack.startDedicated("shared-stack");
		}
		return stack;
	}

	/**
	 * Stops the shared stack if it runs: a class is about to start a stack of its own.
	 */
	static synchronized void stop() {
		if (stack != null) {
			stack.stop();
			stack = null;
		}
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		// the root store closes its AutoCloseable values when the whole run ends
		context.getRoot()
			.getStore(ExtensionContext.Namespace.GLOBAL)
			.computeIfAbsent(SharedStack.class, (key) -> (AutoCloseable) SharedStack::stop, AutoCloseable.class);
	}

}
