package dev.orderflow.eventing.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.schemaregistry.rules.RuleDeadLetters;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The dead letters of this service: lists them with their failure decoded from the
 * {@code kafka_dlt-*} headers, and replays one or all of them after the cause was fixed
 * by re-publishing the original bytes to the original topic. Each record can be replayed
 * once: the replay is recorded in {@code dead_letter_replay} in a transaction that
 * commits only after the broker acknowledged the re-published record. Consumers are
 * idempotent, so a replayed event that another consumer group had already processed has
 * no second effect there.
 */
public class DeadLetters {

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	private final DeadLetterTopics topics;

	private final DeadLetterReader reader;

	private final ReplayProducer producer;

	private final DeadLetterReplays replays;

	private final ValuePreview preview;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final long sendTimeoutMillis;

	DeadLetters(DeadLetterTopics topics, DeadLetterReader reader, ReplayProducer producer, DeadLetterReplays replays,
			ValuePreview preview, TransactionOperations transactions, Clock clock, long sendTimeoutMillis) {
		this.topics = topics;
		this.reader = reader;
		this.producer = producer;
		this.replays = replays;
		this.preview = preview;
		this.transactions = transactions;
		this.clock = clock;
		this.sendTimeoutMillis = sendTimeoutMillis;
	}

	/** This service's dead letters, by topic, partition and offset. */
	public List<DeadLetter> list() {
		Set<DeadLetterId> replayed = this.replays.all();
		return ours().map((record) -> view(record, replayed.contains(idOf(record))))
			.sorted(Comparator.comparing(DeadLetter::dltTopic)
				.thenComparingInt(DeadLetter::partition)
				.thenComparingLong(DeadLetter::offset))
			.toList();
	}

	/**
	 * Re-publishes one dead letter to its original topic and partition: same key, same
	 * value bytes, same headers without the dead-letter ones.
	 * @throws DeadLetterNotFoundException when this service has no dead letter with that
	 * id
	 * @throws DeadLetterAlreadyReplayedException when it was replayed before
	 */
	public DeadLetter replay(String id) {
		DeadLetterId deadLetterId = DeadLetterId.parse(id)
			.filter((parsed) -> this.topics.topics().contains(parsed.dltTopic()))
			.orElseThrow(() -> new DeadLetterNotFoundException(id));
		if (this.replays.contains(deadLetterId)) {
			throw new DeadLetterAlreadyReplayedException(deadLetterId);
		}
		ConsumerRecord<byte[], byte[]> record = this.reader.read(deadLetterId)
			.filter((found) -> this.topics.isOurs(text(found.headers(), KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)))
			.orElseThrow(() -> new DeadLetterNotFoundException(id));
		return replay(record);
	}

	/**
	 * Replays every dead letter not replayed yet, oldest first per partition.
	 * @return how many were replayed
	 */
	public int replayAll() {
		Set<DeadLetterId> replayedBefore = this.replays.all();
		int replayed = 0;
		for (ConsumerRecord<byte[], byte[]> record : ours().filter((r) -> !replayedBefore.contains(idOf(r))).toList()) {
			try {
				replay(record);
				replayed++;
			}
			catch (DeadLetterAlreadyReplayedException ex) {
				// replayed by a concurrent request in the meantime: nothing left to do
				// for it
			}
		}
		return replayed;
	}

	private DeadLetter replay(ConsumerRecord<byte[], byte[]> record) {
		DeadLetter deadLetter = view(record, false);
		this.transactions.executeWithoutResult((tx) -> {
			this.replays.record(idOf(record), this.clock.instant());
			// rolls the record above back when the broker does not acknowledge
			this.producer.send(replayOf(record, deadLetter), this.sendTimeoutMillis);
		});
		log.info("Replayed dead letter {} (key {}) to {}-{}", deadLetter.id(), deadLetter.key(),
				deadLetter.originalTopic(), deadLetter.originalPartition());
		return deadLetter.asReplayed();
	}

	/**
	 * The records on this service's dead-letter topics that its own consumer groups
	 * failed on.
	 */
	private Stream<ConsumerRecord<byte[], byte[]>> ours() {
		return this.reader.readAll(this.topics.topics())
			.stream()
			.filter((record) -> this.topics.isOurs(text(record.headers(), KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)));
	}

	private static ProducerRecord<byte[], byte[]> replayOf(ConsumerRecord<byte[], byte[]> record,
			DeadLetter deadLetter) {
		Headers headers = new RecordHeaders();
		for (Header header : record.headers()) {
			// the failure headers belong to the dead letter; a deserializer-exception
			// header left on the
			// record would make the consumer treat the replay as failed before even
			// looking at it
			if (!header.key().startsWith("kafka_dlt-")
					&& !header.key().startsWith(SerializationUtils.DESERIALIZER_EXCEPTION_HEADER_PREFIX)) {
				headers.add(header);
			}
		}
		return new ProducerRecord<>(deadLetter.originalTopic(), deadLetter.originalPartition(), record.key(),
				record.value(), headers);
	}

	private DeadLetter view(ConsumerRecord<byte[], byte[]> record, boolean replayed) {
		Headers headers = record.headers();
		String originalTopic = text(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC);
		if (originalTopic == null) {
			originalTopic = record.topic().endsWith(".DLT")
					? record.topic().substring(0, record.topic().length() - ".DLT".length()) : record.topic();
		}
		Long originalPartition = number(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION);
		return new DeadLetter(idOf(record).toString(), record.topic(), record.partition(), record.offset(),
				(record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null, originalTopic,
				(originalPartition != null) ? originalPartition.intValue() : null,
				number(headers, KafkaHeaders.DLT_ORIGINAL_OFFSET),
				text(headers, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP), text(headers, KafkaHeaders.DLT_EXCEPTION_FQCN),
				exceptionMessage(headers), Instant.ofEpochMilli(record.timestamp()),
				this.preview.of(originalTopic, record.value()), replayed);
	}

	/**
	 * A data contract rule's message when a rule refused the record (it names the rule
	 * and the fields; Spring's message would only say "failed to deserialize"), else the
	 * exception's.
	 */
	private static String exceptionMessage(Headers headers) {
		String rule = text(headers, RuleDeadLetters.RULE_EXCEPTION);
		return (rule != null) ? rule : text(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
	}

	private static DeadLetterId idOf(ConsumerRecord<?, ?> record) {
		return new DeadLetterId(record.topic(), record.partition(), record.offset());
	}

	private static String text(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/**
	 * Spring Kafka writes the original partition as a 4-byte int and offsets as 8-byte
	 * longs.
	 */
	private static Long number(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		if (header == null || header.value() == null) {
			return null;
		}
		ByteBuffer bytes = ByteBuffer.wrap(header.value());
		return switch (header.value().length) {
			case Integer.BYTES -> (long) bytes.getInt();
			case Long.BYTES -> bytes.getLong();
			default -> null;
		};
	}

}
