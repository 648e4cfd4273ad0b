package dev.orderflow.devstack.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes a broker's {@code server.properties}: a node that is both broker and controller,
 * listening on 127.0.0.1 only. Alone it has replication factors of one; in a cluster of
 * three, the three controllers form the quorum and every partition, the internal topics'
 * too, has three replicas of which two must be in sync for a write.
 * <p>
 * Clients and the other brokers sign in on the broker listener with SASL/SCRAM
 * ({@link KafkaUsers}); the StandardAuthorizer allows only what an ACL names
 * ({@link KafkaAcls}). The controller listener stays PLAINTEXT on 127.0.0.1: its
 * unauthenticated principal (the brokers and controllers among themselves) is a super
 * user, as is {@code admin}.
 */
public final class BrokerConfig {

	private static final String LOG4J_RESOURCE = "broker-log4j2.yaml";

	private final Path configDir;

	private final Path logDir;

	private final int nodeId;

	private final List<Integer> controllerPorts;

	private final int brokerPort;

	private final String adminJaasConfig;

	/**
	 * The single broker of {@code ./orderflow up}; the brokers sign in to each other with
	 * {@code adminJaasConfig}.
	 */
	public BrokerConfig(Path configDir, Path logDir, int brokerPort, int controllerPort, String adminJaasConfig) {
		this(configDir, logDir, 1, brokerPort, List.of(controllerPort), adminJaasConfig);
	}

	/**
	 * Node {@code nodeId} of a cluster whose controllers listen on
	 * {@code controllerPorts}, node 1's first.
	 */
	public BrokerConfig(Path configDir, Path logDir, int nodeId, int brokerPort, List<Integer> controllerPorts,
			String adminJaasConfig) {
		this.configDir = configDir;
		this.adminJaasConfig = adminJaasConfig;
		this.logDir = logDir;
		this.nodeId = nodeId;
		this.brokerPort = brokerPort;
		this.controllerPorts = List.copyOf(controllerPorts);
	}

	public Map<String, String> properties() {
		int nodes = this.controllerPorts.size();
		String replicas = Integer.toString(nodes);
		String minInsync = Integer.toString((nodes >= 3) ? 2 : 1);
		int controllerPort = this.controllerPorts.get(this.nodeId - 1);
		Map<String, String> props = new LinkedHashMap<>();
		props.put("process.roles", "broker,controller");
		props.put("node.id", Integer.toString(this.nodeId));
		// a static quorum of every node: the storage tool formats it without --standalone
		props.put("controller.quorum.voters",
				IntStream.rangeClosed(1, nodes)
					.mapToObj((id) -> id + "@127.0.0.1:" + this.controllerPorts.get(id - 1))
					.collect(Collectors.joining(",")));
		props.put("listeners",
				"SASL_PLAINTEXT://127.0.0.1:" + this.brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
		props.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + this.brokerPort);
		props.put("controller.listener.names", "CONTROLLER");
		props.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
		props.put("inter.broker.listener.name", "SASL_PLAINTEXT");
		props.put("sasl.enabled.mechanisms", KafkaUsers.MECHANISM);
		props.put("sasl.mechanism.inter.broker.protocol", KafkaUsers.MECHANISM);
		props.put("listener.name.sasl_plaintext." + KafkaUsers.MECHANISM.toLowerCase(java.util.Locale.ROOT)
				+ ".sasl.jaas.config", this.adminJaasConfig);
		props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
		props.put("allow.everyone.if.no.acl.found", "false");
		// ANONYMOUS: the brokers and controllers on the PLAINTEXT controller listener
		// (loopback only)
		props.put("super.users", "User:" + KafkaUsers.ADMIN + ";User:ANONYMOUS");
		props.put("log.dirs", this.logDir.toString());
		props.put("offsets.topic.replication.factor", replicas);
		props.put("transaction.state.log.replication.factor", replicas);
		props.put("transaction.state.log.min.isr", minInsync);
		props.put("share.coordinator.state.topic.replication.factor", replicas);
		props.put("share.coordinator.state.topic.min.isr", minInsync);
		if (nodes > 1) {
			// topics that a service or a tool creates without saying how get the
			// cluster's durability too
			props.put("default.replication.factor", replicas);
			props.put("min.insync.replicas", minInsync);
		}
		props.put("num.partitions", "3");
		props.put("group.initial.rebalance.delay.ms", "0");
		// the services declare their topics; a typo must fail instead of creating a stray
		// topic
		props.put("auto.create.topics.enable", "false");
		return props;
	}

	/**
	 * Writes server.properties and the broker's log4j2 configuration; returns
	 * server.properties.
	 */
	public Path write() {
		try {
			Files.createDirectories(this.configDir);
			String content = properties().entrySet()
				.stream()
				.map((e) -> e.getKey() + "=" + escape(e.getValue()))
				.collect(Collectors.joining(System.lineSeparator(),
						"# generated by orderflow dev-stack on each start; edits are overwritten"
								+ System.lineSeparator(),
						System.lineSeparator()));
			Path serverProperties = this.configDir
				.resolve((this.nodeId == 1) ? "server.properties" : "server-" + this.nodeId + ".properties");
			// it holds the admin's password: only the owner may read it
			KafkaUsers.writeOwnerOnly(serverProperties, content);
			try (InputStream log4j = BrokerConfig.class.getResourceAsStream(LOG4J_RESOURCE)) {
				Files.copy(log4j, log4jConfig(), StandardCopyOption.REPLACE_EXISTING);
			}
			return serverProperties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the broker configuration to " + this.configDir, ex);
		}
	}

	public Path log4jConfig() {
		return this.configDir.resolve(LOG4J_RESOURCE);
	}

	private static String escape(String value) {
		// properties files treat backslashes as escapes (Windows paths)
		return value.replace("\\", "\\\\");
	}

}
