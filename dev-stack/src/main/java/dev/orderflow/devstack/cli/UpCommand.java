package dev.orderflow.devstack.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import dev.orderflow.devstack.Component;
import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.StackProcess;
import dev.orderflow.devstack.Terminal;
import dev.orderflow.devstack.Topology;

/**
 * {@code up}: starts the stack; in the foreground it runs until Ctrl-C and then stops
 * everything in reverse order, detached ({@code -d}) it returns once all is ready.
 * Detached, when part of the stack already runs from the data directory (a process
 * crashed or was killed), it starts only the missing processes and leaves the running
 * ones alone.
 * <p>
 * {@code --instances}, {@code --postgres} and {@code --brokers} together say how many of
 * each process run (a {@link Topology}); without them, {@code up} keeps the topology the
 * data directory was last started with, or runs one of each on a fresh one.
 */
@Command(name = "up", description = "Start the stack: in the foreground until Ctrl-C, or detached with -d.")
final class UpCommand extends StackCommand {

	@Spec
	private CommandSpec spec;

	@Option(names = { "-d", "--detach" }, description = "start detached: wait until ready, print the URLs, return; "
			+ "when part of the stack runs, start only what is missing")
	private boolean detach;

	@Option(names = "--clean", description = "wipe the data directory first (Kafka data, databases, logs, mail)")
	private boolean clean;

	@Option(names = "--only", split = ",", paramLabel = "COMPONENT", converter = ComponentNames.ToComponent.class,
			completionCandidates = ComponentNames.Ids.class, description = "start only these, e.g. --only kafka,smtp")
	private Set<Component> only = Set.of();

	@Option(names = "--postgres",
			description = "keep the services' data in one PostgreSQL (a database each) instead of H2 files")
	private boolean postgres;

	@Option(names = "--instances", paramLabel = "N",
			description = "run N instances of each service (needs --postgres); " + "instance k on port + 100*(k-1)")
	private Integer instances;

	@Option(names = "--brokers", paramLabel = "N",
			description = "1, or 3 for a three-node Kafka cluster (changing it needs --clean)")
	private Integer brokers;

	@Option(names = "--jfr", paramLabel = "DIR",
			description = "record every JVM of the stack with Java Flight Recorder (profile settings) into "
					+ "DIR/<process>.jfr, written when it stops (./orderflow down); see docs/performance.md")
	private Path flightRecordings;

	UpCommand(Terminal terminal) {
		super(terminal);
	}

	@Override
	int run() throws InterruptedException {
		Optional<Topology> requested = requestedTopology();
		if (this.clean && !wipe()) {
			return 1;
		}
		Optional<Topology> recorded = Topology.recorded(context().dataDir());
		Topology topology = requested.or(() -> recorded).orElse(Topology.single());
		if (!this.clean && recorded.isPresent() && recorded.get().brokers() != topology.brokers()) {
			context().err()
				.println("orderflow: the Kafka data in " + context().dataDir().root() + " is of "
						+ recorded.get().brokers() + " broker(s), not " + topology.brokers()
						+ "; add --clean to start afresh with " + topology.brokers());
			return 1;
		}
		Set<Component> wanted = wanted();
		if (topology.processes(wanted).isEmpty()) {
			context().err().println("orderflow: nothing to start: --only postgres goes with --postgres");
			return 2;
		}
		Set<StackProcess> running = Set.of();
		if (this.detach && !this.clean) {
			running = running(topology.processes(wanted));
			if (running.size() == topology.processes(wanted).size()) {
				context().out()
					.println("orderflow is already running from " + context().dataDir().root()
							+ "; ./orderflow status shows each process");
				return 0;
			}
		}
		LocalStack.Builder stack = LocalStack.builder()
			.installation(context().installation())
			.dataDir(context().dataDir().root())
			.components(wanted)
			.topology(topology)
			.leaveAlone(running)
			.progress(context().out()::println);
		flightRecordings().ifPresent(stack::flightRecordings);
		return start(stack.build());
	}

	/**
	 * {@code --instances}, {@code --postgres} and {@code --brokers} together, when any is
	 * given; options not given keep their default: one instance, one broker, H2.
	 */
	Optional<Topology> requestedTopology() {
		if (this.instances == null && this.brokers == null && !this.postgres) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Topology(Objects.requireNonNullElse(this.instances, 1),
					Objects.requireNonNullElse(this.brokers, 1), this.postgres));
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(this.spec.commandLine(), ex.getMessage());
		}
	}

	/** The components to start: those of --only, else all. */
	Set<Component> wanted() {
		return this.only.isEmpty() ? EnumSet.allOf(Component.class) : EnumSet.copyOf(this.only);
	}

	/** Where {@code --jfr} puts the recordings, if given. */
	Optional<Path> flightRecordings() {
		return Optional.ofNullable(this.flightRecordings);
	}

	boolean detached() {
		return this.detach;
	}

	boolean cleanFirst() {
		return this.clean;
	}

	private int start(LocalStack stack) throws InterruptedException {
		context().out().println("Starting orderflow (data in " + context().dataDir().root() + ") ...");
		Thread stopOnExit = new Thread(() -> stopAll(stack), "orderflow-stop");
		if (!this.detach) {
			Runtime.getRuntime().addShutdownHook(stopOnExit);
		}
		try {
			stack.start();
		}
		catch (RuntimeException ex) {
			if (stack.isStopping() && !this.detach) {
				return 130;
			}
			if (!this.detach) {
				Runtime.getRuntime().removeShutdownHook(stopOnExit);
			}
			context().err().println("orderflow: " + ex.getMessage());
			return 1;
		}
		Banner.print(context().out(), stack, this.detach);
		if (this.detach) {
			return 0;
		}
		reportUnexpectedExits(stack);
		// Ctrl-C ends the JVM; the shutdown hook stops the processes
		new CountDownLatch(1).await();
		return 0;
	}

	/** The wanted processes that run already; says which. */
	private Set<StackProcess> running(List<StackProcess> wanted) {
		Map<StackProcess, ProcessHandle> running = LocalStack.running(context().dataDir());
		running.keySet().retainAll(wanted);
		running.forEach((process, handle) -> context().out()
			.println("  " + process + " is already running (pid " + handle.pid() + ")"));
		return running.keySet();
	}

	private boolean wipe() {
		if (!LocalStack.running(context().dataDir()).isEmpty()) {
			context().err()
				.println("orderflow: a stack is running from " + context().dataDir().root()
						+ "; stop it first (./orderflow down) before --clean");
			return false;
		}
		context().dataDir().wipe();
		context().out().println("Wiped " + context().dataDir().root());
		return true;
	}

	private void reportUnexpectedExits(LocalStack stack) {
		for (StackProcess process : stack.processes()) {
			stack.handle(process.name()).ifPresent((handle) -> handle.onExit().thenRun(() -> {
				if (!stack.isStopping()) {
					context().err()
						.println("orderflow: " + process + " (pid " + handle.pid()
								+ ") exited unexpectedly; see ./orderflow logs " + process);
				}
			}));
		}
	}

	private void stopAll(LocalStack stack) {
		context().out().println(System.lineSeparator() + "Stopping orderflow ...");
		stack.stop();
		context().out().println("Stopped. Data kept in " + context().dataDir().root());
	}

}
