package dev.orderflow.devstack.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Admin clients with short timeouts: the launcher asks the local broker quick questions
 * and retries itself, so it must not hang on the client's default minute-long waits.
 */
public final class Admins {

	private Admins() {
	}

	/** An admin client without credentials: refused by a broker that wants SASL. */
	public static Admin create(String bootstrapServers) {
		return create(bootstrapServers, Map.of());
	}

	/**
	 * An admin client signing in with {@code security}
	 * ({@link KafkaUsers#clientProperties}, or {@link KafkaUsers#adminClientProperties}
	 * of a data directory).
	 */
	public static Admin create(String bootstrapServers, Map<String, Object> security) {
		Map<String, Object> config = new HashMap<>(security);
		config.putAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.CLIENT_ID_CONFIG, "orderflow-dev-stack", AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
				AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
		return Admin.create(config);
	}

}
