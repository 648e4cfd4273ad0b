package dev.orderflow.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.orderflow.devstack.kafka.BrokerConfig;
import dev.orderflow.devstack.kafka.BrokerReadiness;
import dev.orderflow.devstack.kafka.StorageFormat;
import dev.orderflow.devstack.kafka.Topics;
import dev.orderflow.devstack.ports.PortCheck;
import dev.orderflow.devstack.ports.PortConflict;
import dev.orderflow.devstack.process.HttpReadiness;
import dev.orderflow.devstack.process.JavaCommand;
import dev.orderflow.devstack.process.ManagedProcess;
import dev.orderflow.devstack.process.PidFile;
import dev.orderflow.devstack.process.ProcessSpec;
import dev.orderflow.devstack.process.Readiness;
import dev.orderflow.devstack.process.ServiceJvm;
import dev.orderflow.devstack.process.SocketReadiness;
import dev.orderflow.devstack.process.StartupException;
import dev.orderflow.devstack.smtp.SmtpCatcher;

/**
 * The local stack as separate OS processes: a KRaft Kafka broker, the SMTP catcher, the
 * schema registry and the services, started in order, each awaited until ready, stopped in
 * reverse. {@code ./orderflow up} uses it, and so can tests, which may SIGKILL and restart
 * one process to see the others cope:
 *
 * <pre>
 * LocalStack stack = LocalStack.builder().dataDir(tmp).ports(freePorts).build();
 * stack.start();
 * stack.kill("inventory-service");
 * stack.restart("inventory-service");
 * stack.stop();
 * </pre>
 */
public final class LocalStack implements AutoCloseable {

	/** How long a process gets to stop after SIGTERM before it is killed. */
	public static final Duration STOP_GRACE = Duration.ofSeconds(15);

	private final DataDir dataDir;

	private final StackPorts ports;

	private final Set<Component> components;

	private final Installation installation;

	private final Duration readyTimeout;

	private final Consumer<String> progress;

	private final Map<Component, ManagedProcess> processes = new EnumMap<>(Component.class);

	private final List<Component> started = new CopyOnWriteArrayList<>();

	private volatile boolean stopping;

	private LocalStack(Builder builder) {
		this.installation = (builder.installation != null) ? builder.installation : Installation.locate();
		this.dataDir = new DataDir(
				(builder.dataDir != null) ? builder.dataDir : defaultDataDir(this.installation.repoRoot()));
		this.ports = builder.ports;
		this.components = EnumSet.copyOf(builder.components);
		this.readyTimeout = builder.readyTimeout;
		this.progress = builder.progress;
	}

	public static Builder builder() {
		return new Builder();
	}

	/** {@code $ORDERFLOW_HOME}, else {@code .orderflow/} in the repository. */
	public static Path defaultDataDir(Path repoRoot) {
		String home = System.getenv("ORDERFLOW_HOME");
		return (home != null && !home.isBlank()) ? Path.of(home) : repoRoot.resolve(".orderflow");
	}

	/**
	 * Starts every component in order and waits until each is ready. Nothing starts when a
	 * jar is missing, a stack is already running on this data directory, or a port is taken.
	 * @throws StartupException (or {@link PortsInUseException}) saying what went wrong; the
	 * processes started so far are stopped again
	 */
	public void start() {
		preflight();
		this.dataDir.create();
		try {
			for (Component component : this.components) {
				if (this.stopping) {
					throw new StartupException("Stopped while starting");
				}
				startAndAwait(component);
			}
		}
		catch (RuntimeException | Error ex) {
			// whatever went wrong, never leave half a stack running
			stop();
			throw ex;
		}
	}

	/** Stops every started process in reverse order: SIGTERM, then SIGKILL after {@link #STOP_GRACE}. */
	public void stop() {
		this.stopping = true;
		List<Component> reversed = new ArrayList<>(this.started);
		java.util.Collections.reverse(reversed);
		for (Component component : reversed) {
			ManagedProcess process = process(component);
			if (process.isAlive()) {
				this.progress.accept("  stopping " + component.id() + " (pid " + process.pid() + ")");
			}
			process.stop(STOP_GRACE);
			this.started.remove(component);
		}
	}

	/** Whether {@link #stop()} was called (e.g. by Ctrl-C while starting). */
	public boolean isStopping() {
		return this.stopping;
	}

	@Override
	public void close() {
		stop();
	}

	/** SIGKILL, as a crash would; {@link #restart(String)} brings it back. */
	public void kill(String name) {
		process(component(name)).kill();
	}

	/** Stops the process if it still runs, starts it again and waits until it is ready. */
	public void restart(String name) {
		Component component = component(name);
		ManagedProcess process = process(component);
		process.stop(STOP_GRACE);
		startAndAwait(component);
	}

	/** The pid of the process's current (or last) run. */
	public long pid(String name) {
		return process(component(name)).pid();
	}

	public boolean isAlive(String name) {
		return Optional.ofNullable(this.processes.get(component(name))).map(ManagedProcess::isAlive).orElse(false);
	}

	public Optional<ProcessHandle> handle(String name) {
		return Optional.ofNullable(this.processes.get(component(name))).flatMap(ManagedProcess::handle);
	}

	public DataDir dataDir() {
		return this.dataDir;
	}

	public StackPorts ports() {
		return this.ports;
	}

	public Set<Component> components() {
		return EnumSet.copyOf(this.components);
	}

	public String bootstrapServers() {
		return this.ports.bootstrapServers();
	}

	/** The recorded pid file of a component of the stack in {@code dataDir}. */
	public static PidFile pidFile(DataDir dataDir, Component component) {
		return new PidFile(dataDir.run().resolve(component.id() + ".pid"), component.id(), dataDir.root());
	}

	/** The processes of a stack (detached or in another terminal) still running on that data directory. */
	public static Map<Component, ProcessHandle> running(DataDir dataDir) {
		Map<Component, ProcessHandle> running = new EnumMap<>(Component.class);
		for (Component component : Component.values()) {
			pidFile(dataDir, component).runningProcess().ifPresent((handle) -> running.put(component, handle));
		}
		return running;
	}

	private void preflight() {
		if (!this.installation.hasLibraries()) {
			throw new StartupException("The broker's libraries are missing in " + this.installation.libDir()
					+ "; build them with: ./mvnw -q -B -DskipTests install");
		}
		List<String> jarProblems = this.components.stream()
			.filter(Component::isService)
			.map(this.installation::problemWithJarOf)
			.flatMap(Optional::stream)
			.toList();
		if (!jarProblems.isEmpty()) {
			throw new StartupException("Cannot start the stack, a service is not built:" + System.lineSeparator() + "  "
					+ String.join(System.lineSeparator() + "  ", jarProblems) + System.lineSeparator()
					+ "Build with: ./mvnw -q -B -DskipTests install   (or leave it out: --only COMPONENT,...)");
		}
		Map<Component, ProcessHandle> running = running(this.dataDir);
		// only the components this stack would start must not run yet: `up -d` restarts what is missing
		running.keySet().retainAll(this.components);
		if (!running.isEmpty()) {
			throw new StartupException("An orderflow stack is already running from " + this.dataDir.root() + " (pids "
					+ running.values().stream().map((h) -> Long.toString(h.pid())).toList()
					+ "). See ./orderflow status, or stop it with ./orderflow down");
		}
		List<PortConflict> conflicts = PortCheck.conflicts(this.ports.wantedBy(this.components));
		if (!conflicts.isEmpty()) {
			throw new PortsInUseException(conflicts);
		}
	}

	private void startAndAwait(Component component) {
		long begin = System.nanoTime();
		ManagedProcess process = new ManagedProcess(spec(component), pidFile(this.dataDir, component));
		synchronized (this.processes) {
			this.processes.put(component, process);
		}
		process.start();
		if (!this.started.contains(component)) {
			this.started.add(component);
		}
		process.awaitReady(readiness(component), this.readyTimeout);
		this.progress.accept(String.format("  %-21s ready in %4.1f s  (pid %d, port %d)", component.id(),
				(System.nanoTime() - begin) / 1e9, process.pid(), this.ports.of(component)));
		if (component == Component.KAFKA) {
			List<String> created = Topics.createMissing(bootstrapServers());
			if (!created.isEmpty()) {
				this.progress.accept("  created topics " + String.join(", ", created));
			}
		}
	}

	private ProcessSpec spec(Component component) {
		List<String> command = JavaCommand.java(component.id(), this.dataDir.root());
		Map<String, String> env = Map.of();
		switch (component) {
			case KAFKA -> {
				BrokerConfig config = new BrokerConfig(this.dataDir.config(), this.dataDir.kafka(), this.ports.kafka(),
						this.ports.controller());
				Path serverProperties = config.write();
				StorageFormat.formatIfNeeded(this.dataDir.kafka(), serverProperties,
						JavaCommand.java("kafka-storage-format", this.dataDir.root()),
						this.installation.brokerClasspath(), this.dataDir.log(component));
				command.addAll(List.of("-Xmx512m", "-Dlog4j2.configurationFile=" + config.log4jConfig(), "-cp",
						this.installation.brokerClasspath(), "kafka.Kafka", serverProperties.toString()));
			}
			case SMTP -> command.addAll(List.of("-Xmx64m", "-cp", this.installation.ownClasspath(),
					SmtpCatcher.class.getName(), "--port", Integer.toString(this.ports.smtp()), "--dir",
					this.dataDir.mail().toString()));
			default -> {
				command.addAll(ServiceJvm.current().launch(this.installation.jarOf(component), this.progress));
				env = serviceEnvironment(component);
			}
		}
		return new ProcessSpec(component.id(), command, env, this.dataDir.root(), this.dataDir.log(component),
				this.dataDir.run().resolve(component.id() + ".pid"));
	}

	private Map<String, String> serviceEnvironment(Component service) {
		Map<String, String> environment = new HashMap<>(ServiceJvm.ENVIRONMENT);
		environment.putAll(Map.of("SERVER_PORT", Integer.toString(this.ports.of(service)), "KAFKA_BOOTSTRAP_SERVERS",
				bootstrapServers(), "SCHEMA_REGISTRY_URL", "http://127.0.0.1:" + this.ports.schemaRegistry(),
				"ORDERFLOW_DATA_DIR", this.dataDir.db().toString(), "SMTP_HOST", "127.0.0.1", "SMTP_PORT",
				Integer.toString(this.ports.smtp())));
		return environment;
	}

	private Readiness readiness(Component component) {
		return switch (component) {
			case KAFKA -> new BrokerReadiness(bootstrapServers());
			case SMTP -> new SocketReadiness(this.ports.smtp(), "220");
			default -> new HttpReadiness(this.ports.of(component));
		};
	}

	private ManagedProcess process(Component component) {
		synchronized (this.processes) {
			ManagedProcess process = this.processes.get(component);
			if (process == null) {
				throw new IllegalStateException(component.id() + " was not started by this stack");
			}
			return process;
		}
	}

	private static Component component(String name) {
		return Component.byId(name)
			.orElseThrow(() -> new IllegalArgumentException("Unknown component " + name + "; one of " + Component.ids()));
	}

	/** Configures a {@link LocalStack}; every setting has the default of {@code ./orderflow up}. */
	public static final class Builder {

		private Path dataDir;

		private StackPorts ports = StackPorts.defaults();

		private Set<Component> components = EnumSet.allOf(Component.class);

		private Installation installation;

		private Duration readyTimeout = Duration.ofSeconds(120);

		private Consumer<String> progress = (line) -> {
		};

		private Builder() {
		}

		public Builder dataDir(Path dataDir) {
			this.dataDir = dataDir;
			return this;
		}

		public Builder ports(StackPorts ports) {
			this.ports = ports;
			return this;
		}

		public Builder components(Set<Component> components) {
			if (components.isEmpty()) {
				throw new IllegalArgumentException("At least one component");
			}
			this.components = EnumSet.copyOf(components);
			return this;
		}

		public Builder components(Component first, Component... rest) {
			return components(EnumSet.of(first, rest));
		}

		public Builder installation(Installation installation) {
			this.installation = installation;
			return this;
		}

		public Builder readyTimeout(Duration readyTimeout) {
			this.readyTimeout = readyTimeout;
			return this;
		}

		/** Where progress lines ("kafka ready in 7.9 s") go; nowhere by default. */
		public Builder progress(Consumer<String> progress) {
			this.progress = progress;
			return this;
		}

		public LocalStack build() {
			return new LocalStack(this);
		}

	}

}
