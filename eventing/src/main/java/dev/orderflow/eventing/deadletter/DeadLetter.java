package dev.orderflow.eventing.deadletter;

import java.time.Instant;

/**
 * One record on a dead-letter topic as the dead-letter API shows it: where it is, where
 * it came from, why it failed (from the {@code kafka_dlt-*} headers), a preview of its
 * value, and whether it was replayed.
 *
 * @param id {@code <dltTopic>-<partition>-<offset>}, see {@link DeadLetterId}
 * @param dltTopic the dead-letter topic
 * @param partition partition on the dead-letter topic
 * @param offset offset on the dead-letter topic
 * @param key the record key (the order id for saga events), {@code null} when there is
 * none
 * @param originalTopic the topic the record failed on
 * @param originalPartition its partition there, {@code null} if the header is missing
 * @param originalOffset its offset there, {@code null} if the header is missing
 * @param consumerGroup the consumer group that failed to process it, {@code null} if
 * unknown
 * @param exceptionClass the class of the exception that dead-lettered it
 * @param exceptionMessage its message
 * @param timestamp the dead-letter record's timestamp
 * @param valuePreview the value as Avro JSON when it decodes, else a text or base64
 * prefix
 * @param replayed whether it was re-published through the API
 */
public record DeadLetter(String id, String dltTopic, int partition, long offset, String key, String originalTopic,
		Integer originalPartition, Long originalOffset, String consumerGroup, String exceptionClass,
		String exceptionMessage, Instant timestamp, String valuePreview, boolean replayed) {

	DeadLetter asReplayed() {
		return new DeadLetter(this.id, this.dltTopic, this.partition, this.offset, this.key, this.originalTopic,
				this.originalPartition, this.originalOffset, this.consumerGroup, this.exceptionClass,
				this.exceptionMessage, this.timestamp, this.valuePreview, true);
	}

}
