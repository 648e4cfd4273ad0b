package dev.orderflow.devstack.cli;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import dev.orderflow.devstack.Component;
import dev.orderflow.devstack.LocalStack;

/**
 * {@code up}: starts the stack; in the foreground it runs until Ctrl-C and then stops
 * everything in reverse order, detached ({@code -d}) it returns once all is ready. Detached,
 * when part of the stack already runs from the data directory (a process crashed or was
 * killed), it starts only the missing processes and leaves the running ones alone.
 */
final class UpCommand {

	private final Context context;

	UpCommand(Context context) {
		this.context = context;
	}

	int run(Arguments arguments) throws InterruptedException {
		if (arguments.clean() && !wipe()) {
			return 1;
		}
		Set<Component> wanted = arguments.only();
		if (arguments.detach() && !arguments.clean()) {
			wanted = missing(wanted);
			if (wanted.isEmpty()) {
				this.context.out()
					.println("orderflow is already running from " + this.context.dataDir().root()
							+ "; ./orderflow status shows each process");
				return 0;
			}
		}
		LocalStack stack = LocalStack.builder()
			.installation(this.context.installation())
			.dataDir(this.context.dataDir().root())
			.components(wanted)
			.progress(this.context.out()::println)
			.build();
		this.context.out().println("Starting orderflow (data in " + this.context.dataDir().root() + ") ...");
		Thread stopOnExit = new Thread(() -> stopAll(stack), "orderflow-stop");
		if (!arguments.detach()) {
			Runtime.getRuntime().addShutdownHook(stopOnExit);
		}
		try {
			stack.start();
		}
		catch (RuntimeException ex) {
			if (stack.isStopping() && !arguments.detach()) {
				return 130;
			}
			if (!arguments.detach()) {
				Runtime.getRuntime().removeShutdownHook(stopOnExit);
			}
			this.context.err().println("orderflow: " + ex.getMessage());
			return 1;
		}
		Banner.print(this.context.out(), stack, arguments.detach());
		if (arguments.detach()) {
			return 0;
		}
		reportUnexpectedExits(stack);
		// Ctrl-C ends the JVM; the shutdown hook stops the processes
		new CountDownLatch(1).await();
		return 0;
	}

	/** The wanted components not running yet; says which ones run already. */
	private Set<Component> missing(Set<Component> wanted) {
		Map<Component, ProcessHandle> running = LocalStack.running(this.context.dataDir());
		Set<Component> missing = EnumSet.copyOf(wanted);
		missing.removeAll(running.keySet());
		running.forEach((component, handle) -> this.context.out()
			.println("  " + component.id() + " is already running (pid " + handle.pid() + ")"));
		return missing;
	}

	private boolean wipe() {
		if (!LocalStack.running(this.context.dataDir()).isEmpty()) {
			this.context.err()
				.println("orderflow: a stack is running from " + this.context.dataDir().root()
						+ "; stop it first (./orderflow down) before --clean");
			return false;
		}
		this.context.dataDir().wipe();
		this.context.out().println("Wiped " + this.context.dataDir().root());
		return true;
	}

	private void reportUnexpectedExits(LocalStack stack) {
		for (Component component : stack.components()) {
			stack.handle(component.id()).ifPresent((handle) -> handle.onExit().thenRun(() -> {
				if (!stack.isStopping()) {
					this.context.err()
						.println("orderflow: " + component.id() + " (pid " + handle.pid()
								+ ") exited unexpectedly; see ./orderflow logs " + component.id());
				}
			}));
		}
	}

	private void stopAll(LocalStack stack) {
		this.context.out().println(System.lineSeparator() + "Stopping orderflow ...");
		stack.stop();
		this.context.out().println("Stopped. Data kept in " + this.context.dataDir().root());
	}

}
