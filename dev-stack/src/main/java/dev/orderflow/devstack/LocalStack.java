package dev.orderflow.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;

import dev.orderflow.devstack.kafka.Admins;
import dev.orderflow.devstack.kafka.BrokerConfig;
import dev.orderflow.devstack.kafka.BrokerReadiness;
import dev.orderflow.devstack.kafka.KafkaAcls;
import dev.orderflow.devstack.kafka.KafkaUsers;
import dev.orderflow.devstack.kafka.StorageFormat;
import dev.orderflow.devstack.kafka.Topics;
import dev.orderflow.devstack.ports.PortCheck;
import dev.orderflow.devstack.postgres.Postgres;
import dev.orderflow.devstack.postgres.PostgresCluster;
import dev.orderflow.devstack.ports.PortConflict;
import dev.orderflow.devstack.process.HttpReadiness;
import dev.orderflow.devstack.process.JavaCommand;
import dev.orderflow.devstack.process.FlightRecording;
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
 * schema registry and the services, started in order, each awaited until ready, stopped
 * in reverse. {@code ./orderflow up} uses it, and so can tests, which may SIGKILL and
 * restart one process to see the others cope:
 *
 * <pre>
 * LocalStack stack = LocalStack.builder().dataDir(tmp).ports(freePorts).build();
 * stack.start();
 * stack.kill("inventory-service");
 * stack.restart("inventory-service");
 * stack.stop();
 * </pre>
 *
 * A {@link Topology} scales it out: PostgreSQL first, three brokers, N instances of each
 * service ({@code order-service}, {@code order-service-2}, ...); all instances of a
 * component start together and are awaited together (a broker is ready only once its
 * quorum is).
 */
public final class LocalStack implements AutoCloseable {

	/** How long a process gets to stop after SIGTERM before it is killed. */
	public static final Duration STOP_GRACE = Duration.ofSeconds(15);

	/**
	 * The broker's JVM: a heap of its own and, like the services, the serial collector
	 * and C1 alone ({@link ServiceJvm#SMALL_JVM}). With the JVM's defaults (G1, C2) the
	 * broker spent 40 % of its CPU in the bench's window on C2 compiling
	 * (docs/performance.md, "The broker, the mail catcher and the JVMs themselves"): a
	 * local stack lives minutes, not the days in which C2's code would pay that back, and
	 * shares two cores with five other JVMs. A production broker keeps its defaults.
	 */
	static final List<String> BROKER_JVM = Stream.concat(Stream.of("-Xmx512m"), ServiceJvm.SMALL_JVM.stream()).toList();

	private final DataDir dataDir;

	private final StackPorts ports;

	private final Set<Component> components;

	private final Topology topology;

	private final Set<StackProcess> leftAlone;

	private final Installation installation;

	private final Duration readyTimeout;

	private final Consumer<String> progress;

	private final Map<Component, Map<String, String>> extraEnvironment;

	private final Optional<FlightRecording> flightRecording;

	private final boolean recordStartupCache;

	private final boolean sameBuildOnRestart;

	/**
	 * The command line (options and jar) each service instance runs, kept from its first
	 * start when {@link Builder#sameBuildOnRestart} or set by {@link #restartFrom}.
	 */
	private final Map<StackProcess, List<String>> pinnedLaunches = new ConcurrentHashMap<>();

	private final Map<StackProcess, ManagedProcess> processes = new TreeMap<>();

	private final List<StackProcess> started = new CopyOnWriteArrayList<>();

	private volatile boolean stopping;

	private LocalStack(Builder builder) {
		this.installation = (builder.installation != null) ? builder.installation : Installation.locate();
		this.dataDir = new DataDir(
				(builder.dataDir != null) ? builder.dataDir : defaultDataDir(this.installation.repoRoot()));
		this.ports = builder.ports;
		this.components = EnumSet.copyOf(builder.components);
		this.topology = builder.topology;
		this.leftAlone = Set.copyOf(builder.leftAlone);
		this.readyTimeout = builder.readyTimeout;
		this.progress = builder.progress;
		this.extraEnvironment = Map.copyOf(builder.extraEnvironment);
		this.flightRecording = Optional.ofNullable(builder.flightRecording);
		this.recordStartupCache = builder.recordStartupCache;
		this.sameBuildOnRestart = builder.sameBuildOnRestart;
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
	 * Starts every process in order and waits until each is ready. Nothing starts when a
	 * jar is missing, a stack is already running on this data directory, or a port is
	 * taken.
	 * @throws StartupException (or {@link PortsInUseException}) saying what went wrong;
	 * the processes started so far are stopped again
	 */
	public void start() {
		preflight();
		this.dataDir.create();
		this.topology.save(this.dataDir);
		try {
			for (Set<Component> wave : waves(this.components)) {
				if (this.stopping) {
					throw new StartupException("Stopped while starting");
				}
				List<StackProcess> instances = wave.stream()
					.flatMap((component) -> toStart(component).stream())
					.toList();
				if (!instances.isEmpty()) {
					startAndAwait(instances);
				}
			}
		}
		catch (RuntimeException | Error ex) {
			// whatever went wrong, never leave half a stack running
			stop();
			throw ex;
		}
	}

	/**
	 * Stops every started process, the last start wave first: SIGTERM, then SIGKILL after
	 * {@link #STOP_GRACE}, or after {@code ServiceJvm.CACHE_WRITE_GRACE} for a service
	 * that writes its start-up cache. The processes of one wave stop together
	 * ({@link #stopWaves}).
	 */
	public void stop() {
		this.stopping = true;
		for (List<StackProcess> together : stopWaves(this.started)) {
			List<ManagedProcess> group = together.stream().map(this::process).toList();
			group.stream()
				.filter(ManagedProcess::isAlive)
				.forEach((process) -> this.progress
					.accept("  stopping " + process.name() + " (pid " + process.pid() + ")"));
			ManagedProcess.stopTogether(group, STOP_GRACE);
			this.started.removeAll(together);
		}
	}

	/**
	 * The processes grouped as they stop: by {@link Component#startWave() start wave},
	 * the last wave first, so the services stop before the registry and the broker they
	 * use (a service would otherwise wait at shutdown for a broker that has gone). The
	 * processes of one wave stop together: a cluster's last broker would otherwise wait
	 * for a quorum that has left, and the services need nothing of each other, while each
	 * may take seconds to stop (the run that records the start-up cache writes it then,
	 * {@code ServiceJvm}).
	 */
	public static List<List<StackProcess>> stopWaves(Collection<StackProcess> processes) {
		Map<Integer, List<StackProcess>> waves = new TreeMap<>(Comparator.reverseOrder());
		processes
			.forEach((process) -> waves.computeIfAbsent(process.component().startWave(), (wave) -> new ArrayList<>())
				.add(process));
		return List.copyOf(waves.values());
	}

	/** Whether {@link #stop()} was called (e.g. by Ctrl-C while starting). */
	public boolean isStopping() {
		return this.stopping;
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * SIGKILL, as a crash would; {@link #restart(String)} brings it back. {@code name}:
	 * e.g. order-service-2.
	 */
	public void kill(String name) {
		process(named(name)).kill();
	}

	/**
	 * Stops the process if it still runs, starts it again and waits until it is ready.
	 */
	public void restart(String name) {
		StackProcess process = named(name);
		process(process).stop(STOP_GRACE);
		startAndAwait(List.of(process));
	}

	/**
	 * Stops a service instance and starts it from another build of its jar, as one step
	 * of a rolling upgrade; its later restarts keep that build. {@code name}: e.g.
	 * order-service.
	 */
	public void restartFrom(String name, Path bootJar) {
		StackProcess process = named(name);
		if (!process.component().isService()) {
			throw new IllegalArgumentException(name + " is not a service");
		}
		this.pinnedLaunches.put(process, ServiceJvm.current().launch(bootJar, false, this.progress));
		restart(name);
	}

	/** The pid of the process's current (or last) run. */
	public long pid(String name) {
		return process(named(name)).pid();
	}

	public boolean isAlive(String name) {
		return handle(name).map(ProcessHandle::isAlive).orElse(false);
	}

	public Optional<ProcessHandle> handle(String name) {
		synchronized (this.processes) {
			return Optional.ofNullable(this.processes.get(named(name))).flatMap(ManagedProcess::handle);
		}
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

	public Topology topology() {
		return this.topology;
	}

	/** The processes this stack runs (or would), in start order. */
	public List<StackProcess> processes() {
		return this.topology.processes(this.components);
	}

	/**
	 * Every broker's client listener (SASL_PLAINTEXT: see {@link #kafkaAdminClient()}).
	 */
	public String bootstrapServers() {
		return this.topology.bootstrapServers(this.ports);
	}

	/**
	 * How the stack's own tools sign in to its brokers: the super user's
	 * {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config}, to
	 * add to a client's configuration.
	 */
	public Map<String, Object> kafkaAdminClient() {
		return KafkaUsers.adminClientProperties(this.dataDir.config());
	}

	/** The recorded pid file of a component's first instance in {@code dataDir}. */
	public static PidFile pidFile(DataDir dataDir, Component component) {
		return pidFile(dataDir, StackProcess.first(component));
	}

	/** The recorded pid file of a process of the stack in {@code dataDir}. */
	public static PidFile pidFile(DataDir dataDir, StackProcess process) {
		if (process.component() == Component.POSTGRES) {
			Path data = dataDir.postgres();
			return new PidFile(dataDir.pid(process), (commandLine) -> PostgresCluster.isServerOf(data, commandLine));
		}
		return new PidFile(dataDir.pid(process), process.name(), dataDir.root());
	}

	/**
	 * The processes a stack in {@code dataDir} has or had: those of its recorded
	 * topology, and any other with a pid file (an instance of an earlier, larger start),
	 * in start order.
	 */
	public static List<StackProcess> recorded(DataDir dataDir) {
		Set<StackProcess> recorded = new TreeSet<>(
				Topology.recorded(dataDir).orElse(Topology.single()).processes(EnumSet.allOf(Component.class)));
		try (var files = Files.list(dataDir.run())) {
			files.map((file) -> file.getFileName().toString())
				.filter((file) -> file.endsWith(".pid"))
				.map((file) -> StackProcess.byName(file.substring(0, file.length() - ".pid".length())))
				.flatMap(Optional::stream)
				.forEach(recorded::add);
		}
		catch (IOException | UncheckedIOException ex) {
			// no run directory: nothing else was started
		}
		return List.copyOf(recorded);
	}

	/**
	 * The processes of a stack (detached or in another terminal) still running on that
	 * data directory.
	 */
	public static Map<StackProcess, ProcessHandle> running(DataDir dataDir) {
		Map<StackProcess, ProcessHandle> running = new LinkedHashMap<>();
		for (StackProcess process : recorded(dataDir)) {
			pidFile(dataDir, process).runningProcess().ifPresent((handle) -> running.put(process, handle));
		}
		return running;
	}

	/**
	 * How to tell that a process of a stack in {@code dataDir} with these ports and this
	 * topology is ready.
	 */
	public static Readiness readiness(StackProcess process, StackPorts ports, Topology topology, DataDir dataDir) {
		int port = ports.of(process);
		return switch (process.component()) {
			case POSTGRES -> () -> Postgres.acceptsConnections(port);
			case KAFKA -> new BrokerReadiness("127.0.0.1:" + port, topology.brokers(),
					KafkaUsers.adminClientProperties(dataDir.config()));
			case SMTP -> new SocketReadiness(port, "220");
			default -> new HttpReadiness(port);
		};
	}

	/** The components grouped by {@link Component#startWave()}, waves in order. */
	private static List<Set<Component>> waves(Set<Component> components) {
		Map<Integer, Set<Component>> waves = new TreeMap<>();
		components.forEach(
				(component) -> waves.computeIfAbsent(component.startWave(), (wave) -> EnumSet.noneOf(Component.class))
					.add(component));
		return List.copyOf(waves.values());
	}

	private List<StackProcess> toStart(Component component) {
		return this.topology.processes(EnumSet.of(component))
			.stream()
			.filter((process) -> !this.leftAlone.contains(process))
			.toList();
	}

	private List<StackProcess> toStart() {
		return this.processes().stream().filter((process) -> !this.leftAlone.contains(process)).toList();
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
		Map<StackProcess, ProcessHandle> running = running(this.dataDir);
		// only the processes this stack would start must not run yet: `up -d` restarts
		// what is missing
		running.keySet().retainAll(toStart());
		if (!running.isEmpty()) {
			throw new StartupException("An orderflow stack is already running from " + this.dataDir.root() + " (pids "
					+ running.values().stream().map((h) -> Long.toString(h.pid())).toList()
					+ "). See ./orderflow status, or stop it with ./orderflow down");
		}
		List<PortConflict> conflicts = PortCheck.conflicts(this.ports.wantedBy(toStart()));
		if (!conflicts.isEmpty()) {
			throw new PortsInUseException(conflicts);
		}
	}

	/** Starts the processes of one wave together, then waits until each is ready. */
	private void startAndAwait(List<StackProcess> instances) {
		long begin = System.nanoTime();
		for (StackProcess name : instances) {
			ManagedProcess process = new ManagedProcess(spec(name), pidFile(this.dataDir, name));
			synchronized (this.processes) {
				this.processes.put(name, process);
			}
			process.start();
			if (!this.started.contains(name)) {
				this.started.add(name);
			}
		}
		for (StackProcess name : instances) {
			ManagedProcess process = process(name);
			process.awaitReady(readiness(name, this.ports, this.topology, this.dataDir), this.readyTimeout);
			this.progress.accept(String.format("  %-21s ready in %4.1f s  (pid %d, port %d)", name,
					(System.nanoTime() - begin) / 1e9, process.pid(), this.ports.of(name)));
		}
		instances.stream().map(StackProcess::component).distinct().forEach(this::whenReady);
	}

	/**
	 * What a component's clients need before they start: the saga's topics and the
	 * services' ACLs, the services' databases.
	 */
	private void whenReady(Component component) {
		List<String> created = switch (component) {
			case KAFKA -> createTopicsAndAcls();
			case POSTGRES -> Postgres.createMissing(this.ports.postgres(),
					Arrays.stream(Component.values())
						.filter(Component::usesDatabase)
						.map(LocalStack::database)
						.toList());
			default -> List.of();
		};
		if (!created.isEmpty()) {
			this.progress.accept("  created " + ((component == Component.KAFKA) ? "topics " : "databases ")
					+ String.join(", ", created));
		}
	}

	private List<String> createTopicsAndAcls() {
		List<String> created = Topics.createMissing(bootstrapServers(), kafkaAdminClient(),
				Topics.sagaTopics(this.topology.replicationFactor(), this.topology.minInsyncReplicas()));
		try (Admin admin = Admins.create(bootstrapServers(), kafkaAdminClient())) {
			List<String> users = KafkaUsers.in(this.dataDir.config()).createMissing(admin);
			if (!users.isEmpty()) {
				this.progress.accept("  created Kafka users " + String.join(", ", users));
			}
			KafkaAcls.apply(admin);
		}
		return created;
	}

	ProcessSpec spec(StackProcess name) {
		Component component = name.component();
		List<String> command = JavaCommand.java(name.name(), this.dataDir.root());
		if (this.flightRecording.isPresent() && component != Component.POSTGRES) {
			// every JVM of the stack, the broker and the mail catcher too: they share the
			// cores
			this.flightRecording.get().createDirectory();
			command.addAll(this.flightRecording.get().options(name.name()));
		}
		Map<String, String> env = Map.of();
		switch (component) {
			case POSTGRES -> {
				command = postgresCommand();
				env = PostgresCluster.environment();
			}
			case KAFKA -> command.addAll(brokerCommand(name.instance()));
			case SMTP -> {
				command.add("-Xmx64m");
				command.addAll(ServiceJvm.SMALL_JVM);
				command.addAll(List.of("-cp", this.installation.ownClasspath(), SmtpCatcher.class.getName(), "--port",
						Integer.toString(this.ports.smtp()), "--dir", this.dataDir.mail().toString()));
			}
			default -> {
				command.addAll(serviceLaunch(name));
				env = serviceEnvironment(name);
			}
		}
		return new ProcessSpec(name.name(), command, env, this.dataDir.root(), this.dataDir.log(name),
				this.dataDir.pid(name));
	}

	/** The JVM options and jar a service instance runs with ({@link ServiceJvm}). */
	private List<String> serviceLaunch(StackProcess name) {
		List<String> pinned = this.pinnedLaunches.get(name);
		if (pinned != null) {
			return pinned;
		}
		List<String> launch = ServiceJvm.current()
			.launch(this.installation.jarOf(name.component()), this.recordStartupCache && name.instance() == 1,
					this.progress);
		if (this.sameBuildOnRestart) {
			this.pinnedLaunches.put(name, launch);
		}
		return launch;
	}

	private List<String> brokerCommand(int broker) {
		List<Integer> controllers = IntStream.rangeClosed(1, this.topology.brokers())
			.mapToObj(this.ports::controllerOf)
			.toList();
		StackProcess name = new StackProcess(Component.KAFKA, broker);
		KafkaUsers users = kafkaUsers();
		BrokerConfig config = new BrokerConfig(this.dataDir.config(), this.dataDir.kafka(broker), broker,
				this.ports.of(name), controllers, users.jaasConfig(KafkaUsers.ADMIN));
		Path serverProperties = config.write();
		String clusterId = StorageFormat
			.clusterId(IntStream.rangeClosed(1, this.topology.brokers()).mapToObj(this.dataDir::kafka).toList());
		StorageFormat.formatIfNeeded(this.dataDir.kafka(broker), serverProperties, clusterId,
				JavaCommand.java("kafka-storage-format", this.dataDir.root()), this.installation.brokerClasspath(),
				users, this.dataDir.log(name));
		List<String> command = new ArrayList<>(BROKER_JVM);
		// to try other options without rebuilding, e.g. the JVM's own compilers and
		// collector: ORDERFLOW_BROKER_JAVA_OPTS='-XX:TieredStopAtLevel=4 -XX:-UseSerialGC
		// -XX:+UseG1GC' ./orderflow up -d
		command.addAll(ServiceJvm.extraOptions("ORDERFLOW_BROKER_JAVA_OPTS"));
		command.addAll(List.of("-Dlog4j2.configurationFile=" + config.log4jConfig(), "-cp",
				this.installation.brokerClasspath(), "kafka.Kafka", serverProperties.toString()));
		return command;
	}

	/**
	 * The users of the brokers, their passwords made on the first start of this data
	 * directory.
	 */
	private KafkaUsers kafkaUsers() {
		boolean known = Files.isRegularFile(this.dataDir.config().resolve(KafkaUsers.USERS_FILE));
		if (!known && StorageFormat.isFormatted(this.dataDir.kafka())) {
			throw new StartupException("The Kafka data in " + this.dataDir.kafka()
					+ " dates from before the broker required SASL (docs/security.md) and has no users."
					+ " Start afresh with: ./orderflow up --clean");
		}
		return KafkaUsers.in(this.dataDir.config());
	}

	private List<String> postgresCommand() {
		try {
			PostgresCluster cluster = PostgresCluster.in(this.dataDir.postgres());
			if (cluster.initIfNeeded(this.dataDir.log(StackProcess.first(Component.POSTGRES)))) {
				this.progress.accept("  created a PostgreSQL cluster in " + cluster.data());
			}
			return cluster.serverCommand(this.ports.postgres(), Map.of());
		}
		catch (IOException ex) {
			throw new StartupException(
					"Cannot prepare PostgreSQL in " + this.dataDir.postgres() + ": " + ex.getMessage(), ex);
		}
	}

	private Map<String, String> serviceEnvironment(StackProcess service) {
		Map<String, String> environment = new HashMap<>(ServiceJvm.ENVIRONMENT);
		environment.putAll(Map.of("SERVER_PORT", Integer.toString(this.ports.of(service)), "KAFKA_BOOTSTRAP_SERVERS",
				bootstrapServers(), "SCHEMA_REGISTRY_URL", registryUrls(), "ORDERFLOW_DATA_DIR",
				this.dataDir.db().toString(), "SMTP_HOST", "127.0.0.1", "SMTP_PORT",
				Integer.toString(this.ports.smtp())));
		if (service.component() == Component.NOTIFICATION_SERVICE) {
			// the console's proxy: this stack's services, on whatever ports it has
			environment.putAll(Map.of("ORDER_SERVICE_URL", "http://127.0.0.1:" + this.ports.orderService(),
					"INVENTORY_SERVICE_URL", "http://127.0.0.1:" + this.ports.inventoryService()));
		}
		// unique among the instances of a service: its logs name it
		environment.put("ORDERFLOW_INSTANCE_ID", service.name());
		// every service trusts the tokens of this stack's authorization server (ADR 0016)
		environment.put("ORDERFLOW_ISSUER_URI", this.ports.issuer());
		if (service.component() == Component.AUTH_SERVER) {
			String console = "http://127.0.0.1:" + this.ports.notificationService();
			environment.putAll(Map.of("ORDERFLOW_AUTH_ISSUER", this.ports.issuer(), "ORDERFLOW_AUTH_CONSOLE_ORIGIN",
					console, "ORDERFLOW_AUTH_CONSOLE_REDIRECT_URI", console + "/"));
		}
		if (service.component().usesKafka()) {
			environment.putAll(kafkaCredentials(service.component()));
		}
		if (service.component() == Component.SCHEMA_REGISTRY) {
			// where the other registry forwards writes while this one leads: the address
			// it listens on
			environment.put("ORDERFLOW_REGISTRY_ADVERTISED_URL", "http://127.0.0.1:" + this.ports.of(service));
		}
		if (this.topology.postgres()) {
			environment.putAll(Map.of("SPRING_DATASOURCE_URL",
					Postgres.jdbcUrl(this.ports.postgres(), database(service.component())),
					"SPRING_DATASOURCE_USERNAME", Postgres.USERNAME, "SPRING_DATASOURCE_PASSWORD", ""));
		}
		if (this.topology.replicationFactor() > 1) {
			String replicas = Integer.toString(this.topology.replicationFactor());
			environment.putAll(
					Map.of("ORDERFLOW_TOPICS_REPLICAS", replicas, "ORDERFLOW_REGISTRY_REPLICATION_FACTOR", replicas));
		}
		environment.putAll(this.extraEnvironment.getOrDefault(service.component(), Map.of()));
		return environment;
	}

	/**
	 * Each service signs in to the brokers as its own principal ({@link KafkaAcls}); its
	 * dead-letter replay as {@code <service>-replay}, the only principal allowed to write
	 * another's topic.
	 */
	private Map<String, String> kafkaCredentials(Component service) {
		KafkaUsers users = KafkaUsers.in(this.dataDir.config());
		Map<String, String> environment = new HashMap<>(
				Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "KAFKA_SASL_MECHANISM", KafkaUsers.MECHANISM,
						"KAFKA_SASL_JAAS_CONFIG", users.jaasConfig(service.id())));
		String replay = service.id() + "-replay";
		if (KafkaAcls.RULES.containsKey(replay)) {
			environment.put("ORDERFLOW_KAFKA_REPLAY_JAAS_CONFIG", users.jaasConfig(replay));
		}
		return environment;
	}

	/**
	 * Every registry instance, as Confluent's clients take them: comma separated, tried
	 * in turn.
	 */
	private String registryUrls() {
		return IntStream.rangeClosed(1, this.topology.instancesOf(Component.SCHEMA_REGISTRY))
			.mapToObj((k) -> "http://127.0.0.1:" + this.ports.of(new StackProcess(Component.SCHEMA_REGISTRY, k)))
			.collect(java.util.stream.Collectors.joining(","));
	}

	/**
	 * Each service owns its database: order_service, inventory_service,
	 * notification_service.
	 */
	private static String database(Component service) {
		return service.id().replace('-', '_');
	}

	private ManagedProcess process(StackProcess name) {
		synchronized (this.processes) {
			ManagedProcess process = this.processes.get(name);
			if (process == null) {
				throw new IllegalStateException(name + " was not started by this stack");
			}
			return process;
		}
	}

	private static StackProcess named(String name) {
		return StackProcess.byName(name)
			.orElseThrow(() -> new IllegalArgumentException(
					"Unknown process " + name + "; one of " + Component.ids() + ", or one of them -2, -3, ..."));
	}

	/**
	 * Configures a {@link LocalStack}; every setting has the default of
	 * {@code ./orderflow up}.
	 */
	public static final class Builder {

		private Path dataDir;

		private StackPorts ports = StackPorts.defaults();

		private Set<Component> components = EnumSet.allOf(Component.class);

		private Topology topology = Topology.single();

		private Set<StackProcess> leftAlone = Set.of();

		private Installation installation;

		private Duration readyTimeout = Duration.ofSeconds(120);

		private Consumer<String> progress = (line) -> {
		};

		private final Map<Component, Map<String, String>> extraEnvironment = new EnumMap<>(Component.class);

		private FlightRecording flightRecording;

		// ORDERFLOW_STARTUP_CACHE=off: a copy of the repository that is thrown away after
		// one run (LabPaymentSystemTest's) records none
		private boolean recordStartupCache = !"off".equalsIgnoreCase(System.getenv("ORDERFLOW_STARTUP_CACHE"));

		private boolean sameBuildOnRestart;

		private Builder() {
		}

		/**
		 * Records every JVM of the stack with JFR into {@code directory}, one file per
		 * process written when it stops; no recording by default.
		 */
		public Builder flightRecordings(Path directory) {
			this.flightRecording = new FlightRecording(directory);
			return this;
		}

		/**
		 * More environment for every instance of a service, e.g. a setting a test or the
		 * bench changes ({@code SPRING_APPLICATION_JSON}); it wins over the stack's own.
		 */
		public Builder environment(Component service, Map<String, String> environment) {
			this.extraEnvironment.merge(service, Map.copyOf(environment), (a, b) -> {
				Map<String, String> both = new HashMap<>(a);
				both.putAll(b);
				return Map.copyOf(both);
			});
			return this;
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

		/** How many of each: {@link Topology#single()} by default. */
		public Builder topology(Topology topology) {
			this.topology = topology;
			return this;
		}

		/**
		 * Processes of the topology that run already and are not to be started (for
		 * {@code up -d}).
		 */
		public Builder leaveAlone(Set<StackProcess> running) {
			this.leftAlone = Set.copyOf(running);
			return this;
		}

		public Builder installation(Installation installation) {
			this.installation = installation;
			return this;
		}

		public Builder readyTimeout(Duration readyTimeout) {
			this.readyTimeout = readyTimeout;
			return this;
		}

		/**
		 * Whether a service's first run records its start-up cache, written when it stops
		 * ({@link ServiceJvm}); true unless {@code ORDERFLOW_STARTUP_CACHE=off}. A stack
		 * that runs once from jars nobody starts again (a test's copy) has no use for one
		 * and would only wait for the JVMs to write it at every stop (seconds each). A
		 * cache that is there is used either way.
		 */
		public Builder recordStartupCache(boolean record) {
			this.recordStartupCache = record;
			return this;
		}

		/**
		 * Whether a restarted service runs the build it first started with, even when its
		 * jar was rebuilt since: it runs from that start's extracted copy
		 * ({@link ServiceJvm}), which only a later start of the new jar replaces. For a
		 * test that restarts services while another build may rebuild them in the same
		 * tree. False by default: {@code ./orderflow up} after a build starts the new
		 * one.
		 */
		public Builder sameBuildOnRestart(boolean pinned) {
			this.sameBuildOnRestart = pinned;
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
