package dev.orderflow.eventing.observability;

import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * A {@link DeadLetterPublishingRecoverer} that reports each record it has published to
 * {@link DeadLetterMetrics}. It counts after the publication succeeded, so a record that
 * could not even be dead-lettered (and is retried) is not counted twice.
 */
public class CountingDeadLetterPublishingRecoverer extends DeadLetterPublishingRecoverer {

	private final DeadLetterMetrics metrics;

	/**
	 * @param metrics where to count, or {@code null} to count nothing
	 */
	public CountingDeadLetterPublishingRecoverer(KafkaOperations<?, ?> template,
			BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destinationResolver,
			DeadLetterMetrics metrics) {
		super(template, destinationResolver);
		this.metrics = metrics;
	}

	@Override
	protected void publish(ProducerRecord<Object, Object> outRecord, KafkaOperations<Object, Object> kafkaTemplate,
			ConsumerRecord<?, ?> inRecord) {
		super.publish(outRecord, kafkaTemplate, inRecord);
		if (this.metrics != null) {
			this.metrics.deadLettered(inRecord.topic());
		}
	}

}
