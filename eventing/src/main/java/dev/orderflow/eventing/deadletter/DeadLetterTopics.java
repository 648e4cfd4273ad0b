package dev.orderflow.eventing.deadletter;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Which dead letters belong to this service: the DLTs of the topics its listeners
 * consume, and among their records those its own consumer groups failed on. Several
 * services consume one topic (inventory and notification both read {@code orders}), so
 * they share its DLT; the {@code kafka_dlt-original-consumer-group} header tells whose
 * failure a record is.
 */
public class DeadLetterTopics {

	private final List<String> configured;

	private final ObjectProvider<KafkaListenerEndpointRegistry> registry;

	public DeadLetterTopics(List<String> configured, ObjectProvider<KafkaListenerEndpointRegistry> registry) {
		this.configured = List.copyOf(configured);
		this.registry = registry;
	}

	/** The dead-letter topics to read, sorted. */
	public Set<String> topics() {
		if (!this.configured.isEmpty()) {
			return new TreeSet<>(this.configured);
		}
		Set<String> topics = new TreeSet<>();
		containers().forEach((container) -> {
			String[] consumed = container.getContainerProperties().getTopics();
			if (consumed != null) {
				Arrays.stream(consumed).map(DeadLetterConfiguration::deadLetterTopic).forEach(topics::add);
			}
		});
		return topics;
	}

	/**
	 * Whether a dead letter that {@code consumerGroup} failed on is this service's
	 * business.
	 */
	public boolean isOurs(String consumerGroup) {
		Set<String> groups = new TreeSet<>();
		containers().stream().map(MessageListenerContainer::getGroupId).filter(Objects::nonNull).forEach(groups::add);
		// unknown group (header missing) or a service without listeners: show it rather
		// than hide it
		return consumerGroup == null || groups.isEmpty() || groups.contains(consumerGroup);
	}

	private Collection<MessageListenerContainer> containers() {
		KafkaListenerEndpointRegistry endpoints = this.registry.getIfAvailable();
		return (endpoints != null) ? endpoints.getAllListenerContainers() : List.of();
	}

}
