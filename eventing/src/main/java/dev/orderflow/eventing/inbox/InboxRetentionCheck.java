package dev.orderflow.eventing.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the inbox retention with the {@code retention.ms} of the topics the service
 * consumes (and of their dead-letter topics, whose records a replay delivers again): a
 * record still in a topic can be delivered again after its inbox row is gone, and would
 * then be applied twice. The broker is asked at start; the check warns rather than
 * refuses, because a short retention is legitimate for a soak test, and a broker that
 * cannot be reached must not stop the service.
 */
public class InboxRetentionCheck implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(InboxRetentionCheck.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final Map<String, Object> adminProperties;

	private final Duration inboxRetention;

	private final Supplier<Collection<String>> consumedTopics;

	/**
	 * @param consumedTopics the topics of the service's listeners, asked when the check
	 * runs
	 */
	public InboxRetentionCheck(Map<String, Object> adminProperties, Duration inboxRetention,
			Supplier<Collection<String>> consumedTopics) {
		this.adminProperties = adminProperties;
		this.inboxRetention = inboxRetention;
		this.consumedTopics = consumedTopics;
	}

	/**
	 * A topic that keeps records longer than the inbox remembers them.
	 *
	 * @param topic the topic's name
	 * @param retentionMs its {@code retention.ms}; -1 means forever
	 */
	public record Shortfall(String topic, long retentionMs) {

		public String describe() {
			return this.topic + " (retention.ms " + ((this.retentionMs < 0) ? "-1, forever" : this.retentionMs) + ")";
		}

	}

	/**
	 * Logs a warning naming every topic that keeps records longer than the inbox
	 * remembers them.
	 */
	@Override
	public void run() {
		Collection<String> topics = this.consumedTopics.get();
		if (topics.isEmpty()) {
			return;
		}
		try {
			List<Shortfall> shortfalls = shortfalls(topics);
			if (shortfalls.isEmpty()) {
				log.info("Inbox retention {} covers the retention of {}", this.inboxRetention, topics);
			}
			else {
				log.warn("orderflow.inbox.retention ({}) is shorter than the retention of {}: a record redelivered"
						+ " after its inbox row was purged is applied twice. Set orderflow.inbox.retention to at least"
						+ " the topics' retention.ms (docs/decisions/0015-inbox-retention.md)", this.inboxRetention,
						shortfalls.stream().map(Shortfall::describe).toList());
			}
		}
		catch (IllegalStateException ex) {
			log.warn("Could not compare the inbox retention with the topics' retention: {}", ex.getMessage());
		}
	}

	/**
	 * The topics among {@code topics}, and their {@code .DLT} topics, that keep records
	 * longer than the inbox retention. Topics the broker does not know are left out.
	 * @throws IllegalStateException when the broker cannot be asked
	 */
	public List<Shortfall> shortfalls(Collection<String> topics) {
		List<ConfigResource> resources = new ArrayList<>();
		for (String topic : topics) {
			resources.add(new ConfigResource(ConfigResource.Type.TOPIC, topic));
			if (!topic.endsWith(".DLT")) {
				resources.add(new ConfigResource(ConfigResource.Type.TOPIC, topic + ".DLT"));
			}
		}
		List<Shortfall> shortfalls = new ArrayList<>();
		try (Admin admin = Admin.create(this.adminProperties)) {
			Map<ConfigResource, KafkaFuture<Config>> configs = admin.describeConfigs(resources).values();
			for (ConfigResource resource : resources) {
				Long retentionMs = retentionMs(configs.get(resource));
				if (retentionMs != null && (retentionMs < 0 || retentionMs > this.inboxRetention.toMillis())) {
					shortfalls.add(new Shortfall(resource.name(), retentionMs));
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		return shortfalls;
	}

	/** The topic's retention.ms, or null when the broker does not have the topic. */
	private static Long retentionMs(KafkaFuture<Config> config) throws InterruptedException {
		try {
			ConfigEntry entry = config.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
				.get(TopicConfig.RETENTION_MS_CONFIG);
			return (entry != null && entry.value() != null) ? Long.parseLong(entry.value()) : null;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
				return null;
			}
			throw new IllegalStateException("cannot read the topics' configuration: " + ex.getCause(), ex);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("the broker did not answer within " + TIMEOUT.toSeconds() + " s", ex);
		}
	}

}
