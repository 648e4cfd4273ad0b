package dev.orderflow.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The raw relay's topics, created (or grown) with the partition count of {@code orders}
 * so the baseline spreads its records as the saga does.
 */
final class BenchTopics {

	private BenchTopics() {
	}

	/**
	 * Creates the raw topics as needed; returns their partition count (that of
	 * {@code orders}).
	 */
	static int prepare(String bootstrapServers, Map<String, Object> kafkaClient) throws InterruptedException {
		try (Admin admin = Admin
			.create(RawRelay.with(kafkaClient, Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)))) {
			int partitions = describeOnceKnown(admin, List.of(TerminalEvents.TOPIC)).get(TerminalEvents.TOPIC)
				.partitions()
				.size();
			Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
			List<NewTopic> missing = RawRelay.TOPICS.stream()
				.filter((topic) -> !existing.contains(topic))
				.map((topic) -> new NewTopic(topic, partitions, (short) 1))
				.toList();
			if (!missing.isEmpty()) {
				admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
			}
			Map<String, TopicDescription> raw = describeOnceKnown(admin, RawRelay.TOPICS);
			for (TopicDescription topic : raw.values()) {
				if (topic.partitions().size() < partitions) {
					admin.createPartitions(Map.of(topic.name(), NewPartitions.increaseTo(partitions)))
						.all()
						.get(30, TimeUnit.SECONDS);
				}
			}
			return partitions;
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot prepare the bench topics on " + bootstrapServers
					+ " (is the stack up? ./orderflow up -d): " + ex.getMessage(), ex);
		}
	}

	/**
	 * Describes topics that may have been created a moment ago (by the stack that has
	 * just started, or above): the broker answers {@code createTopics} once the
	 * controller has them and may not know them itself yet
	 * (UnknownTopicOrPartitionException, seen in a {@code --breakdown} row).
	 */
	private static Map<String, TopicDescription> describeOnceKnown(Admin admin, List<String> topics)
			throws InterruptedException, ExecutionException, TimeoutException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (true) {
			try {
				return describe(admin, topics);
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
					throw ex;
				}
				Thread.sleep(200);
			}
		}
	}

	private static Map<String, TopicDescription> describe(Admin admin, List<String> topics)
			throws InterruptedException, ExecutionException, TimeoutException {
		return admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
	}

}
