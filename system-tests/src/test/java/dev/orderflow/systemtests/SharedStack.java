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
 * test run ends ({@link ReusedStack}).
 */
final class SharedStack implements BeforeAllCallback {

	private static final ReusedStack STACK = new ReusedStack(() -> PackagedStack.startDedicated("shared-stack"));

	/** The shared stack, started on first use. */
	static LocalStack get() {
		return STACK.get();
	}

	/**
	 * Stops the shared stack if it runs: a class is about to start a stack of its own.
	 */
	static void stop() {
		STACK.stop();
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		STACK.stopWhenTheRunEnds(context);
	}

}
