package dev.orderflow.devstack.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the local broker (docs/security.md, ADR 0018): each service writes
 * only the topics it owns and the dead-letter topics of its own consumers, reads only
 * what it consumes, and commits offsets only in its own group. Derived from the code: the
 * listeners' topics and group ids, the {@code NewTopic} beans, the dead-letter publisher
 * ({@code <topic>.DLT}), the dead-letter API (reads the DLTs, describes the consumed
 * topics' retention) and the registry's store ({@code _schemas}, election group). A
 * dead-letter replay writes the original topic, which another service owns: it signs in
 * as {@code <service>-replay}, a principal allowed that write and nothing else.
 * k8s/overlays/production holds the same rules as Strimzi KafkaUsers.
 */
public final class KafkaAcls {

	/** Every principal a service signs in as, and its rules. */
	public static final Map<String, List<Rule>> RULES = rules();

	private KafkaAcls() {
	}

	/** {@link KafkaUsers#ADMIN} and every service principal. */
	public static List<String> users() {
		List<String> users = new ArrayList<>(List.of(KafkaUsers.ADMIN));
		users.addAll(RULES.keySet());
		return users;
	}

	/** The ACL bindings of every principal, for {@link Admin#createAcls}. */
	public static List<AclBinding> bindings() {
		List<AclBinding> bindings = new ArrayList<>();
		RULES
			.forEach((user,
					rules) -> rules.forEach((rule) -> rule.operations()
						.forEach((operation) -> bindings.add(new AclBinding(
								new ResourcePattern(rule.type(), rule.name(), PatternType.LITERAL),
								new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW))))));
		return bindings;
	}

	/** Creates the bindings (idempotent: an existing binding is left as it is). */
	public static void apply(Admin admin) {
		try {
			admin.createAcls(bindings()).all().get(15, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot create the ACLs of the local broker", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating ACLs", ex);
		}
	}

	private static Map<String, List<Rule>> rules() {
		Map<String, List<Rule>> rules = new LinkedHashMap<>();
		rules.put("order-service", List.of(
				// the outbox relay publishes OrderPlaced/OrderCancelled; OrderTopics
				// declares orders and orders.DLT
				topic("orders", AclOperation.WRITE, AclOperation.CREATE, AclOperation.DESCRIBE),
				topic("orders.DLT", AclOperation.CREATE, AclOperation.DESCRIBE), consumed("inventory"),
				deadLetters("inventory.DLT"), group("order-service")));
		rules.put("inventory-service",
				List.of(topic("inventory", AclOperation.WRITE, AclOperation.CREATE, AclOperation.DESCRIBE),
						topic("inventory.DLT", AclOperation.CREATE, AclOperation.DESCRIBE), consumed("orders"),
						deadLetters("orders.DLT"), group("inventory-service")));
		rules.put("notification-service", List.of(consumed("orders"), consumed("inventory"), deadLetters("orders.DLT"),
				deadLetters("inventory.DLT"), group("notification-service")));
		rules.put("schema-registry", List.of(
				// the store creates, appends to and tails its topic; the instances elect
				// their leader in a group
				topic("_schemas", AclOperation.READ, AclOperation.WRITE, AclOperation.CREATE, AclOperation.DESCRIBE,
						AclOperation.DESCRIBE_CONFIGS),
				group("orderflow-schema-registry")));
		// a replay re-publishes a dead letter to the topic it failed on, which another
		// service owns
		rules.put("order-service-replay", List.of(topic("inventory", AclOperation.WRITE, AclOperation.DESCRIBE)));
		rules.put("inventory-service-replay", List.of(topic("orders", AclOperation.WRITE, AclOperation.DESCRIBE)));
		rules.put("notification-service-replay", List.of(topic("orders", AclOperation.WRITE, AclOperation.DESCRIBE),
				topic("inventory", AclOperation.WRITE, AclOperation.DESCRIBE)));
		return Collections.unmodifiableMap(rules);
	}

	/**
	 * A topic a listener consumes: read it, and describe its retention (the inbox
	 * retention check).
	 */
	private static Rule consumed(String topic) {
		return topic(topic, AclOperation.READ, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS);
	}

	/**
	 * The DLT of a consumed topic: written by the service's error handler, read by its
	 * dead-letter API.
	 */
	private static Rule deadLetters(String topic) {
		return topic(topic, AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE,
				AclOperation.DESCRIBE_CONFIGS);
	}

	private static Rule group(String group) {
		return new Rule(ResourceType.GROUP, group, List.of(AclOperation.READ, AclOperation.DESCRIBE));
	}

	private static Rule topic(String topic, AclOperation... operations) {
		return new Rule(ResourceType.TOPIC, topic, List.of(operations));
	}

	/**
	 * What one principal may do on one resource (a topic or a consumer group, by exact
	 * name).
	 *
	 * @param type TOPIC or GROUP
	 * @param name the resource's literal name
	 * @param operations the operations allowed
	 */
	public record Rule(ResourceType type, String name, Collection<AclOperation> operations) {

		public Rule {
			operations = List.copyOf(operations);
		}

	}

}
