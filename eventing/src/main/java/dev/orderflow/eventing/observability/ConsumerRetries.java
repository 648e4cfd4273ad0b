package dev.orderflow.eventing.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import dev.orderflow.eventing.retry.Dependency;
import dev.orderflow.eventing.retry.TransientFailures;

import org.springframework.kafka.listener.RetryListener;

/**
 * What the consumers are retrying, and why (ADR 0009). Every failed delivery counts in
 * {@code orderflow.consumer.retries} with a {@code reason}: the {@link Dependency} a
 * transient failure waits on, or {@code record} for a record's own failure, or
 * {@code dead-letter} when even its dead letter could not be published. A partition whose
 * record waits on a dependency is listed by {@link #waiting()} (health detail) and
 * counted by the {@code orderflow.consumer.waiting} gauge, until the record is
 * dead-lettered or no failure was reported for {@code staleAfter}: Spring Kafka reports
 * failures, not successes, so silence after the last failed attempt is what says the
 * record went through.
 */
public class ConsumerRetries implements RetryListener, MeterBinder {

	static final String RETRIES = "orderflow.consumer.retries";

	static final String WAITING = "orderflow.consumer.waiting";

	private final Clock clock;

	private final Duration staleAfter;

	private final Map<TopicPartition, Waiting> waiting = new ConcurrentHashMap<>();

	private volatile MeterRegistry registry;

	/**
	 * @param staleAfter how long after its last failed attempt a wait counts as over;
	 * longer than the longest back-off between two attempts
	 */
	public ConsumerRetries(Clock clock, Duration staleAfter) {
		this.clock = clock;
		this.staleAfter = staleAfter;
	}

	@Override
	public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		Dependency dependency = (ex != null) ? TransientFailures.dependencyOf(ex).orElse(null) : null;
		count(record.topic(), (dependency != null) ? dependency.tag() : "record");
		if (dependency == null) {
			this.waiting.remove(partition);
			return;
		}
		Instant now = this.clock.instant();
		String error = String.valueOf(rootCause(ex));
		this.waiting.merge(partition, new Waiting(dependency.tag(), record.offset(), now, now, 1, error),
				(previous, next) -> (previous.offset() == next.offset()) ? new Waiting(next.reason(), next.offset(),
						previous.since(), now, previous.attempts() + 1, error) : next);
	}

	@Override
	public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
		this.waiting.remove(new TopicPartition(record.topic(), record.partition()));
	}

	@Override
	public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
		count(record.topic(), "dead-letter");
	}

	/**
	 * The partitions whose consumer waits on a dependency, by {@code topic-partition}.
	 */
	public Map<String, Waiting> waiting() {
		Instant staleBefore = this.clock.instant().minus(this.staleAfter);
		this.waiting.values().removeIf((wait) -> wait.lastFailure().isBefore(staleBefore));
		Map<String, Waiting> current = new TreeMap<>();
		this.waiting.forEach((partition, wait) -> current.put(partition.toString(), wait));
		return current;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		Gauge.builder(WAITING, this, (retries) -> retries.waiting().size())
			.description("Partitions whose consumer is retrying a record because a dependency is unavailable")
			.register(registry);
	}

	private void count(String topic, String reason) {
		MeterRegistry meters = this.registry;
		if (meters != null) {
			Counter.builder(RETRIES)
				.description("Failed deliveries that the consumer retries or dead-letters, by reason")
				.tag("topic", topic)
				.tag("reason", reason)
				.register(meters)
				.increment();
		}
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable root = failure;
		int depth = 0;
		while (root.getCause() != null && root.getCause() != root && depth++ < 32) {
			root = root.getCause();
		}
		return root;
	}

	/**
	 * One partition waiting on a dependency.
	 *
	 * @param reason the {@link Dependency#tag()}
	 * @param offset the record it retries
	 * @param since its first failed attempt
	 * @param lastFailure its latest failed attempt
	 * @param attempts failed attempts so far
	 * @param lastError the innermost cause of the latest failure
	 */
	public record Waiting(String reason, long offset, Instant since, Instant lastFailure, int attempts,
			String lastError) {
	}

}
