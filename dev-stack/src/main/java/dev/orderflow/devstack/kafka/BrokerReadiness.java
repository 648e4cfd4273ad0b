package dev.orderflow.devstack.kafka;

import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;

import dev.orderflow.devstack.process.Readiness;

/**
 * The broker is ready when it describes its cluster, i.e. when a client can use it.
 */
public final class BrokerReadiness implements Readiness {

	private final String bootstrapServers;

	private Admin admin;

	public BrokerReadiness(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	@Override
	public boolean isReady() throws Exception {
		if (this.admin == null) {
			this.admin = Admins.create(this.bootstrapServers);
		}
		return !this.admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
	}

	@Override
	public void close() {
		if (this.admin != null) {
			this.admin.close(java.time.Duration.ofSeconds(2));
			this.admin = null;
		}
	}

}
