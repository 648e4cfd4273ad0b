package dev.orderflow.k8s;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.orderflow.devstack.kafka.KafkaAcls;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production's Kafka requires SCRAM and allows only what an ACL names; each service signs
 * in as its own KafkaUser, whose ACLs are exactly those the dev-stack gives the local
 * broker ({@link KafkaAcls}): inventory-service cannot write {@code orders} there either.
 */
class KafkaUserTests {

	private static Manifests production;

	@BeforeAll
	static void render() {
		production = Manifests.ofOverlay("production");
	}

	@Test
	void theBrokersRequireScramAndAuthorizeEveryRequest() {
		Kafka kafka = production.get(Kafka.class, "orderflow");
		assertThat(kafka.getSpec().getKafka().getAuthorization()).isInstanceOf(KafkaAuthorizationSimple.class);
		assertThat(kafka.getSpec().getKafka().getListeners()).extracting(GenericKafkaListener::getAuth)
			.allSatisfy((authentication) -> assertThat(authentication)
				.isInstanceOf(KafkaListenerAuthenticationScramSha512.class));
	}

	@Test
	void everyPrincipalHasTheAclsOfTheLocalBrokerAndNoMore() {
		List<KafkaUser> users = production.all(KafkaUser.class);
		assertThat(users).extracting((user) -> user.getMetadata().getName())
			.containsExactlyInAnyOrderElementsOf(KafkaAcls.RULES.keySet());
		for (KafkaUser user : users) {
			String name = user.getMetadata().getName();
			assertThat(user.getMetadata().getLabels()).as(name).containsEntry("strimzi.io/cluster", "orderflow");
			assertThat(user.getSpec().getAuthentication()).as(name)
				.isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
			assertThat(user.getSpec().getAuthorization()).as(name).isInstanceOf(KafkaUserAuthorizationSimple.class);
			List<AclRule> acls = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
			assertThat(permissions(acls)).as(name).isEqualTo(expected(KafkaAcls.RULES.get(name)));
		}
	}

	@Test
	void inventoryServiceMayNotWriteOrders() {
		KafkaUser inventory = production.get(KafkaUser.class, "inventory-service");
		Set<String> permissions = permissions(
				((KafkaUserAuthorizationSimple) inventory.getSpec().getAuthorization()).getAcls());
		assertThat(permissions).contains("topic inventory WRITE", "topic orders READ")
			.doesNotContain("topic orders WRITE");
	}

	@Test
	void eachServiceSignsInAsItsOwnUser() {
		for (String service : List.of("schema-registry", "order-service", "inventory-service",
				"notification-service")) {
			Container container = ContainerSecurityTests.orderflowContainer(production, service);
			Environment environment = Environment.of(production, container);
			assertThat(environment.value("KAFKA_SECURITY_PROTOCOL")).as(service).hasValue("SASL_PLAINTEXT");
			assertThat(environment.value("KAFKA_SASL_MECHANISM")).as(service).hasValue("SCRAM-SHA-512");
			assertThat(secretOf(container, "KAFKA_SASL_JAAS_CONFIG")).as(service).isEqualTo(service);
			if (!"schema-registry".equals(service)) {
				assertThat(secretOf(container, "ORDERFLOW_KAFKA_REPLAY_JAAS_CONFIG")).as(service)
					.isEqualTo(service + "-replay");
			}
		}
	}

	/**
	 * The Secret (Strimzi's, named after the KafkaUser) whose {@code sasl.jaas.config}
	 * fills the variable.
	 */
	private static String secretOf(Container container, String variable) {
		EnvVar env = container.getEnv()
			.stream()
			.filter((candidate) -> candidate.getName().equals(variable))
			.findFirst()
			.orElseThrow(() -> new AssertionError(variable + " is not set on " + container.getName()));
		assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("sasl.jaas.config");
		return env.getValueFrom().getSecretKeyRef().getName();
	}

	/**
	 * "topic orders WRITE", ... for each resource and operation; literal patterns only.
	 */
	private static Set<String> permissions(List<AclRule> acls) {
		Set<String> permissions = new TreeSet<>();
		for (AclRule acl : acls) {
			String resource;
			if (acl.getResource() instanceof AclRuleTopicResource topic) {
				assertThat(topic.getPatternType().toValue()).isEqualTo("literal");
				resource = "topic " + topic.getName();
			}
			else if (acl.getResource() instanceof AclRuleGroupResource group) {
				assertThat(group.getPatternType().toValue()).isEqualTo("literal");
				resource = "group " + group.getName();
			}
			else {
				throw new AssertionError("unexpected resource " + acl.getResource());
			}
			acl.getOperations()
				.forEach((operation) -> permissions.add(resource + " " + normalized(operation.toValue())));
		}
		return permissions;
	}

	private static Set<String> expected(List<KafkaAcls.Rule> rules) {
		return rules.stream()
			.flatMap((rule) -> rule.operations()
				.stream()
				.map((operation) -> rule.type().name().toLowerCase(Locale.ROOT) + " " + rule.name() + " "
						+ normalized(operation.name())))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/** Strimzi's {@code DescribeConfigs} and Kafka's {@code DESCRIBE_CONFIGS} alike. */
	private static String normalized(String operation) {
		return operation.replace("_", "").toUpperCase(Locale.ROOT);
	}

}
