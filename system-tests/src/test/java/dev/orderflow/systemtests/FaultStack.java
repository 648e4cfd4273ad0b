package dev.orderflow.systemtests;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.orderflow.devstack.LocalStack;

/**
 * One stack for the fault test and then the incident test ({@code @Order} 7 and 8, after
 * the classes on the {@link SharedStack}), so the build starts it once instead of twice.
 * Each run names its orders, its customers and its Idempotency-Keys
 * ({@link SagaFaultRun}), counts only its own dead letters and e-mails, and checks stock
 * against what it found reserved: what the fault test left on the stack (its pills, its
 * settled orders) is no business of the incident test, as on a stack that had a bad day
 * before. It runs until a class starts a stack of its own on the same ports
 * ({@link SnapshotStack}, {@link PackagedStack}) or the test run ends.
 */
final class FaultStack implements BeforeAllCallback {

	private static final ReusedStack STACK = new ReusedStack(() -> SnapshotStack.start("fault-stack"));

	/** The fault stack, started on first use. */
	static LocalStack get() {
		return STACK.get();
	}

	/** Stops the fault stack if it runs: a class is about to start a stack of its own. */
	static void stop() {
		STACK.stop();
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		STACK.stopWhenTheRunEnds(context);
	}

}
