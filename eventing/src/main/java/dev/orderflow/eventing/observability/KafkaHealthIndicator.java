package dev.orderflow.eventing.observability;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Asks the broker for its cluster description on every check, with a timeout, so
 * {@code /actuator/health} reports a stopped broker at once and recovers as soon as it
 * answers again. Nothing is cached: a cached "UP" is exactly the lie a health check must
 * not tell. Not part of readiness (ADR 0009): while the broker is away the outbox keeps
 * taking orders.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private final Map<String, Object> adminConfig;

	private final Duration timeout;

	private volatile Admin admin;

	/**
	 * @param adminConfig the application's admin client configuration (bootstrap servers,
	 * security)
	 * @param timeout how long one check may wait for the broker (keep it below the probe
	 * period)
	 */
	public KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
		super("Kafka health check failed");
		this.adminConfig = adminConfig;
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		int timeoutMs = (int) this.timeout.toMillis();
		DescribeClusterResult cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
		Collection<Node> nodes = cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
		builder.up()
			.withDetail("clusterId", cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS))
			.withDetail("nodes", nodes.size());
	}

	// One long-lived client: it reconnects by itself once the broker is back.
	private Admin admin() {
		Admin current = this.admin;
		if (current == null) {
			synchronized (this) {
				if (this.admin == null) {
					Map<String, Object> config = new java.util.HashMap<>(this.adminConfig);
					int timeoutMs = (int) this.timeout.toMillis();
					config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
					config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
					config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "health-check");
					// a broker that is down must not flood the log with reconnect
					// attempts
					config.putIfAbsent(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
					this.admin = Admin.create(config);
				}
				current = this.admin;
			}
		}
		return current;
	}

	@Override
	public void destroy() {
		Admin current = this.admin;
		if (current != null) {
			current.close(Duration.ofSeconds(1));
		}
	}

}
