package dev.orderflow.systemtests;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;

import dev.orderflow.devstack.LocalStack;

/**
 * A stack that several test classes use one after the other ({@link SharedStack},
 * {@link FaultStack}): started on first use, stopped when a class needs the ports for a
 * stack of its own, or when the test run ends, in the run itself: a JVM shutdown hook
 * would race Surefire, which kills a fork that takes more than 30 s to exit and would
 * leave the stack's processes behind.
 */
final class ReusedStack {

	private final Supplier<LocalStack> start;

	private LocalStack stack;

	ReusedStack(Supplier<LocalStack> start) {
		this.start = start;
	}

	/** The stack, started on first use. */
	synchronized LocalStack get() {
		if (this.stack == null) {
			this.stack = this.start.get();
		}
		return this.stack;
	}

	/** Stops the stack if it runs. */
	synchronized void stop() {
		if (this.stack != null) {
			this.stack.stop();
			this.stack = null;
		}
	}

	/**
	 * Stops the stack when the whole test run ends: the root store closes its
	 * AutoCloseable values then.
	 */
	void stopWhenTheRunEnds(ExtensionContext context) {
		context.getRoot()
			.getStore(ExtensionContext.Namespace.GLOBAL)
			.computeIfAbsent(this, (key) -> (AutoCloseable) this::stop, AutoCloseable.class);
	}

}
