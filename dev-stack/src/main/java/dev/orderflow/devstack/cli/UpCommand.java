package dev.orderflow.devstack.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import dev.orderflow.devstack.Component;
import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.StackProcess;
import dev.orderflow.devstack.Topology;

/**
 * {@code up}: starts the stack; in the foreground it runs until Ctrl-C and then stops
 * everything in reverse order, detached ({@code -d}) it returns once all is ready. Detached,
 * when part of the stack already runs from the data directory (a process crashed or was
 * killed), it starts only the missing processes and leaves the running ones alone.
 * <p>
 * {@code --instances}, {@code --postgres} and {@code --brokers} together say how many of each
 * process run (a {@link Topology}); without them, {@code up} keeps the topology the data
 * directory was last started with, or runs one of each on a fresh one.
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
		Optional<Topology> recorded = Topology.recorded(this.context.dataDir());
		Topology topology = arguments.topology().or(() -> recorded).orElse(Topology.single());
		if (!arguments.clean() && recorded.isPresent() && recorded.get().brokers() != topology.brokers()) {
			this.context.err()
				.println("orderflow: the Kafka data in " + this.context.dataDir().root() + " is of "
						+ recorded.get().brokers() + " broker(s), not " + topology.brokers()
						+ "; add --clean to start afresh with " + topology.brokers());
			return 1;
		}
		Set<Component> wanted = arguments.only();
		if (topology.processes(wanted).isEmpty()) {
			this.context.err().println("orderflow: nothing to start: --only postgres goes with --postgres");
			return 2;
		}
		Set<StackProcess> running = Set.of();
		if (arguments.detach() && !arguments.clean()) {
			running = running(topology.processes(wanted));
			if (running.size() == topology.processes(wanted).size()) {
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
			.topology(topology)
			.leaveAlone(running)
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

	/** The wanted processes that run already; says which. */
	private Set<StackProcess> running(List<StackProcess> wanted) {
		Map<StackProcess, ProcessHandle> running = LocalStack.running(this.context.dataDir());
		running.keySet().retainAll(wanted);
		running.forEach((process, handle) -> this.context.out()
			.println("  " + process + " is already running (pid " + handle.pid() + ")"));
		return running.keySet();
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
		for (StackProcess process : stack.processes()) {
			stack.handle(process.name()).ifPresent((handle) -> handle.onExit().thenRun(() -> {
				if (!stack.isStopping()) {
					this.context.err()
						.println("orderflow: " + process + " (pid " + handle.pid()
								+ ") exited unexpectedly; see ./orderflow logs " + process);
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
