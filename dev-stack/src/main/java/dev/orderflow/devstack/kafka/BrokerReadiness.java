package dev.orderflow.devstack.kafka;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;

import dev.orderflow.devstack.process.Readiness;

/**
 * The broker is ready when it describes its cluster, i.e. when a client can use it, with
 * as many brokers in it as the cluster has: a topic with three replicas needs all three.
 */
public final class BrokerReadiness implements Readiness {

	private final String bootstrapServers;

	private final int brokers;

	private final Map<String, Object> security;

	private Admin admin;

	/** {@code security}: how to sign in ({@link KafkaUsers#adminClientProperties}). */
	public BrokerReadiness(String bootstrapServers, int brokers, Map<String, Object> security) {
		this.bootstrapServers = bootstrapServers;
		this.brokers = brokers;
		this.security = Map.copyOf(security);
	}

	@Override
	public boolean isReady() throws Exception {
		if (this.admin == null) {
			this.admin = Admins.create(this.bootstrapServers, this.security);
		}
		return this.admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= this.brokers;
	}

	@Override
	public void close() {
		if (this.admin != null) {
			this.admin.close(java.time.Duration.ofSeconds(2));
			this.admin = null;
		}
	}

}
