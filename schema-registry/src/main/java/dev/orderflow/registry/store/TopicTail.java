package dev.orderflow.registry.store;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that reads the topic from its beginning and then follows it for as long as
 * the registry runs, handing every batch, in offset order, to the store. Records written
 * by any instance reach every instance's state this way, and only this way.
 */
final class TopicTail implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(TopicTail.class);

	private static final Duration POLL = Duration.ofMillis(200);

	/**
	 * Receives each batch and the position after it: every offset below it has been read.
	 */
	interface Sink {

		void accept(List<ConsumerRecord<String, String>> records, long position);

	}

	private final SchemasTopic topic;

	private final Sink sink;

	private final Thread thread;

	private volatile boolean running = true;

	private volatile KafkaConsumer<String, String> consumer;

	TopicTail(SchemasTopic topic, Sink sink) {
		this.topic = topic;
		this.sink = sink;
		this.thread = new Thread(this::run, "schemas-tail");
		this.thread.setDaemon(true);
	}

	void start() {
		this.thread.start();
	}

	private void run() {
		try (KafkaConsumer<String, String> consumer = this.topic.tailingConsumer()) {
			this.consumer = consumer;
			while (this.running) {
				try {
					List<ConsumerRecord<String, String>> records = consumer.poll(POLL).records(this.topic.partition());
					this.sink.accept(records, consumer.position(this.topic.partition()));
				}
				catch (WakeupException ex) {
					// closing
				}
				catch (RuntimeException ex) {
					log.warn("Reading topic {} failed; retrying", this.topic.name(), ex);
					pause();
				}
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(POLL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	@Override
	public void close() {
		this.running = false;
		KafkaConsumer<String, String> consumer = this.consumer;
		if (consumer != null) {
			consumer.wakeup();
		}
		try {
			this.thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
