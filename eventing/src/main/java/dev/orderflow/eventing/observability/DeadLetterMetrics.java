package dev.orderflow.eventing.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Counts the records written to dead-letter topics: {@code orderflow.dead.letters},
 * tagged with the topic the record failed on. Any increase needs a human, so the counter
 * of every consumed topic is registered at startup with zero: an alert on its increase
 * then has a series to watch.
 */
public class DeadLetterMetrics implements ApplicationListener<ApplicationReadyEvent> {

	static final String NAME = "orderflow.dead.letters";

	private final MeterRegistry registry;

	public DeadLetterMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/** One record from {@code topic} was published to its dead-letter topic. */
	public void deadLettered(String topic) {
		counter(topic).increment();
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		event.getApplicationContext().getBeanProvider(KafkaListenerEndpointRegistry.class).ifAvailable((listeners) -> {
			listeners.getListenerContainers().forEach((container) -> {
				String[] topics = container.getContainerProperties().getTopics();
				if (topics != null) {
					for (String topic : topics) {
						counter(topic);
					}
				}
			});
		});
	}

	private Counter counter(String topic) {
		return Counter.builder(NAME)
			.description("Records published to a dead-letter topic after their retries were exhausted")
			.tag("topic", topic)
			.register(this.registry);
	}

}
