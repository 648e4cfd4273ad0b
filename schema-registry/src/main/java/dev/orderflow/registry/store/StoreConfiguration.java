package dev.orderflow.registry.store;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Wires the store to the Kafka cluster named by {@code spring.kafka.*}, so security and
 * bootstrap settings are configured once for the whole application, and joins the leader
 * election once the HTTP server is up: a leader must be able to take forwarded writes.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	@Bean
	SchemaStore schemaStore(KafkaProperties kafka, StoreProperties properties) {
		return new SchemaStore(new SchemasTopic(properties, kafka.buildAdminProperties()), properties.timeout());
	}

	@Bean
	LeaderElection leaderElection(SchemaStore store, StoreProperties properties) {
		return new LeaderElection(store, properties);
	}

	@Bean
	ApplicationListener<WebServerInitializedEvent> leaderElectionStarter(LeaderElection election,
			StoreProperties properties, Environment environment) {
		return (event) -> {
			if (event.getApplicationContext().getServerNamespace() == null) {
				election.start(advertisedUrl(properties, environment, event.getWebServer().getPort()));
			}
		};
	}

	@Bean
	KafkaStoreHealthIndicator kafkaStoreHealthIndicator(SchemaStore store, LeaderElection election) {
		return new KafkaStoreHealthIndicator(store, election);
	}

	private static String advertisedUrl(StoreProperties properties, Environment environment, int port) {
		if (StringUtils.hasText(properties.advertisedUrl())) {
			return properties.advertisedUrl();
		}
		String address = environment.getProperty("server.address");
		if (!StringUtils.hasText(address) || "0.0.0.0".equals(address) || "::".equals(address)) {
			try {
				address = InetAddress.getLocalHost().getHostAddress();
			}
			catch (UnknownHostException ex) {
				address = "127.0.0.1";
			}
		}
		return "http://" + address + ":" + port;
	}

}
