package dev.orderflow.registry.store;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elects the one instance that takes writes, through Kafka: every instance joins one
 * consumer group on the single-partition {@code _schemas} topic, and the group
 * coordinator assigns that partition to exactly one live member, the leader. The
 * partition is paused at once, so the member never reads it and only holds it. A leader
 * that dies stops heartbeating and loses the partition after the session timeout; one
 * that shuts down leaves the group at once. A new leader first reads the topic to its
 * end, then announces its URL in the topic, where the followers' tails find it.
 */
public final class LeaderElection implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LeaderElection.class);

	private static final Duration POLL = Duration.ofMillis(250);

	private final SchemaStore store;

	private final StoreProperties properties;

	private final String instance = UUID.randomUUID().toString().substring(0, 8);

	private volatile String url;

	private volatile boolean leader;

	private volatile boolean running;

	/** The generation this instance won and has yet to announce, or -1. */
	private volatile int unannounced = -1;

	private volatile KafkaConsumer<String, String> consumer;

	private Thread thread;

	LeaderElection(SchemaStore store, StoreProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	/** Joins the election once this instance serves HTTP at the given URL. */
	public synchronized void start(String advertisedUrl) {
		if (this.thread != null) {
			return;
		}
		this.url = advertisedUrl;
		this.running = true;
		this.thread = new Thread(this::run, "schemas-leader-election");
		this.thread.setDaemon(true);
		this.thread.start();
		log.info("Instance {} at {} joins leader election group {}", this.instance, advertisedUrl,
				this.properties.groupId());
	}

	/** Whether this instance holds the leadership now. */
	public boolean isLeader() {
		return this.leader;
	}

	/** This instance's own URL, once it serves HTTP. */
	public String url() {
		return this.url;
	}

	public String instance() {
		return this.instance;
	}

	private void run() {
		try (KafkaConsumer<String, String> consumer = this.store.topic()
			.electionConsumer(this.properties.groupId(), this.instance)) {
			this.consumer = consumer;
			consumer.subscribe(List.of(this.store.topic().name()), new Listener(consumer));
			while (this.running) {
				try {
					consumer.poll(POLL);
					announceIfNew();
				}
				catch (WakeupException ex) {
					// closing
				}
				catch (RuntimeException ex) {
					log.warn("Leader election poll failed; retrying", ex);
					stepDown();
					sleep();
				}
			}
			stepDown();
		}
	}

	private void announceIfNew() {
		int generation = this.unannounced;
		if (!this.leader || generation < 0) {
			return;
		}
		try {
			// a write reads the topic to its end first, so the announcement follows every
			// earlier record
			this.store.announce(new Leader(this.url, generation, this.instance));
			this.unannounced = -1;
		}
		catch (RuntimeException ex) {
			log.warn("Could not announce the leadership yet; retrying", ex);
		}
	}

	private void stepDown() {
		if (this.leader) {
			this.leader = false;
			log.info("Instance {} is no longer the schema registry leader", this.instance);
		}
	}

	private void sleep() {
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
		Thread thread;
		synchronized (this) {
			thread = this.thread;
			this.running = false;
		}
		KafkaConsumer<String, String> consumer = this.consumer;
		if (consumer != null) {
			consumer.wakeup();
		}
		if (thread != null) {
			try {
				// closing the consumer leaves the group: the next leader is chosen at
				// once
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private final class Listener implements ConsumerRebalanceListener {

		private final KafkaConsumer<String, String> consumer;

		Listener(KafkaConsumer<String, String> consumer) {
			this.consumer = consumer;
		}

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			if (!partitions.isEmpty()) {
				stepDown();
			}
		}

		@Override
		public void onPartitionsLost(Collection<TopicPartition> partitions) {
			stepDown();
		}

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
			if (partitions.isEmpty()) {
				return;
			}
			this.consumer.pause(partitions);
			int generation = this.consumer.groupMetadata().generationId();
			LeaderElection.this.unannounced = generation;
			LeaderElection.this.leader = true;
			log.info("Instance {} at {} is the schema registry leader (generation {})", LeaderElection.this.instance,
					LeaderElection.this.url, generation);
		}

	}

}
