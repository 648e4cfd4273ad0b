package dev.orderflow.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How many of each process the stack runs: {@code ./orderflow up} runs one of each on H2
 * files; {@code up --postgres --instances N --brokers 3} runs N instances of every
 * service on one PostgreSQL server and a three-node Kafka cluster, and two schema
 * registries (one leader, elected through Kafka; ADR 0013). The SMTP catcher always runs
 * once.
 * <p>
 * The topology a stack was started with is recorded in its data directory, so that
 * {@code status}, {@code down} and a later {@code up -d} see every instance.
 *
 * @param instances instances of each service (1 to {@value #MAX_INSTANCES})
 * @param brokers Kafka brokers: 1, or 3 (combined broker and controller nodes, a quorum
 * of three)
 * @param postgres whether the services keep their data in PostgreSQL instead of H2 files
 */
public record Topology(int instances, int brokers, boolean postgres) {

	/**
	 * Instance k listens on its port + 100·(k−1): nine keep clear of the next hundred's
	 * ports.
	 */
	public static final int MAX_INSTANCES = 9;

	private static final String FILE = "topology.properties";

	public Topology {
		if (instances < 1 || instances > MAX_INSTANCES) {
			throw new IllegalArgumentException("--instances must be 1 to " + MAX_INSTANCES + ", not " + instances);
		}
		if (brokers != 1 && brokers != 3) {
			throw new IllegalArgumentException(
					"--brokers must be 1 or 3 (a KRaft quorum of three survives one failure), not " + brokers);
		}
		if (instances > 1 && !postgres) {
			throw new IllegalArgumentException("--instances " + instances + " needs --postgres: each service keeps its "
					+ "data in an H2 file by default, and only one process can open an H2 file");
		}
	}

	/** One of each, on H2: what {@code ./orderflow up} starts. */
	public static Topology single() {
		return new Topology(1, 1, false);
	}

	public boolean isSingle() {
		return equals(single());
	}

	public int instancesOf(Component component) {
		return switch (component) {
			case POSTGRES -> this.postgres ? 1 : 0;
			case KAFKA -> this.brokers;
			case SMTP, AUTH_SERVER -> 1;
			// a scaled-out stack runs two registries: a leader and a follower that
			// forwards writes to it
			case SCHEMA_REGISTRY -> (this.instances > 1) ? 2 : 1;
			case ORDER_SERVICE, INVENTORY_SERVICE, NOTIFICATION_SERVICE -> this.instances;
		};
	}

	/** The processes of these components, in start order. */
	public List<StackProcess> processes(Set<Component> components) {
		List<StackProcess> processes = new ArrayList<>();
		for (Component component : Component.values()) {
			if (components.contains(component)) {
				IntStream.rangeClosed(1, instancesOf(component))
					.forEach((k) -> processes.add(new StackProcess(component, k)));
			}
		}
		return processes;
	}

	/** Every broker's client listener (SASL_PLAINTEXT), for clients. */
	public String bootstrapServers(StackPorts ports) {
		return IntStream.rangeClosed(1, this.brokers)
			.mapToObj((k) -> "127.0.0.1:" + ports.of(new StackProcess(Component.KAFKA, k)))
			.collect(Collectors.joining(","));
	}

	/** Replicas of each partition: one per broker. */
	public int replicationFactor() {
		return this.brokers;
	}

	/**
	 * Writes to a cluster of three need two in-sync replicas: one broker may fail, no
	 * write is lost.
	 */
	public int minInsyncReplicas() {
		return (this.brokers >= 3) ? 2 : 1;
	}

	/**
	 * In words, for the banner: "2 instances per service on PostgreSQL, 3 Kafka brokers".
	 */
	public String describe() {
		return this.instances + ((this.instances == 1) ? " instance" : " instances") + " per service on "
				+ (this.postgres ? "PostgreSQL" : "H2 files") + ", " + this.brokers
				+ ((this.brokers == 1) ? " Kafka broker" : " Kafka brokers");
	}

	public void save(DataDir dataDir) {
		Properties properties = new Properties();
		properties.setProperty("instances", Integer.toString(this.instances));
		properties.setProperty("brokers", Integer.toString(this.brokers));
		properties.setProperty("postgres", Boolean.toString(this.postgres));
		try (Writer out = Files.newBufferedWriter(file(dataDir))) {
			properties.store(out, "written by ./orderflow up: the processes of this stack");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot record the topology in " + file(dataDir), ex);
		}
	}

	/** The topology the stack in {@code dataDir} was last started with, if it was. */
	public static Optional<Topology> recorded(DataDir dataDir) {
		Path file = file(dataDir);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(file)) {
			properties.load(in);
			return Optional.of(new Topology(Integer.parseInt(properties.getProperty("instances", "1")),
					Integer.parseInt(properties.getProperty("brokers", "1")),
					Boolean.parseBoolean(properties.getProperty("postgres", "false"))));
		}
		catch (IOException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static Path file(DataDir dataDir) {
		return dataDir.root().resolve(FILE);
	}

}
