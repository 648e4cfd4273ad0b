package dev.orderflow.devstack.kafka;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topics of the saga, created when absent so the services find them on first start
 * (the broker does not auto-create topics). Existing topics are left as they are.
 */
public final class Topics {

	/**
	 * orders and inventory, their dead-letter topics, and the registry's compacted store.
	 */
	public static final List<NewTopic> SAGA_TOPICS = sagaTopics(1, 1);

	private Topics() {
	}

	/**
	 * The saga's topics with {@code replicas} replicas of each partition, of which
	 * {@code minInsyncReplicas} must have a write before it counts (producers ask for
	 * acks=all).
	 */
	public static List<NewTopic> sagaTopics(int replicas, int minInsyncReplicas) {
		short factor = (short) replicas;
		Map<String, String> durable = (replicas > 1)
				? Map.of("min.insync.replicas", Integer.toString(minInsyncReplicas)) : Map.of();
		Map<String, String> compacted = new java.util.HashMap<>(durable);
		compacted.put("cleanup.policy", "compact");
		return List.of(new NewTopic("orders", 3, factor).configs(durable),
				new NewTopic("inventory", 3, factor).configs(durable),
				new NewTopic("orders.DLT", 3, factor).configs(durable),
				new NewTopic("inventory.DLT", 3, factor).configs(durable),
				new NewTopic("_schemas", 1, factor).configs(compacted));
	}

	/**
	 * Creates the missing ones of {@code topics}, signing in with {@code security};
	 * returns the names of those it created.
	 */
	public static List<String> createMissing(String bootstrapServers, Map<String, Object> security,
			List<NewTopic> topics) {
		try (Admin admin = Admins.create(bootstrapServers, security)) {
			Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
			List<NewTopic> missing = topics.stream().filter((t) -> !existing.contains(t.name())).toList();
			for (NewTopic topic : missing) {
				create(admin, topic);
			}
			return missing.stream().map(NewTopic::name).toList();
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot list the topics of the broker at " + bootstrapServers, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating topics", ex);
		}
	}

	private static void create(Admin admin, NewTopic topic) throws InterruptedException, TimeoutException {
		try {
			admin.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			// a service may have declared it in the meantime: that is fine
			if (!(Optional.ofNullable(ex.getCause()).orElse(ex) instanceof TopicExistsException)) {
				throw new IllegalStateException("Cannot create topic " + topic.name(), ex.getCause());
			}
		}
	}

}
