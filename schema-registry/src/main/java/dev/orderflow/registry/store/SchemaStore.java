package dev.orderflow.registry.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.registry.mode.Mode;
import dev.orderflow.registry.store.StoreRecords.ConfigValue;
import dev.orderflow.registry.store.StoreRecords.IdFloorValue;
import dev.orderflow.registry.store.StoreRecords.Key;
import dev.orderflow.registry.store.StoreRecords.LeaderValue;
import dev.orderflow.registry.store.StoreRecords.ModeValue;
import dev.orderflow.registry.store.StoreRecords.SchemaValue;
import dev.orderflow.registry.web.Errors;
import dev.orderflow.schemaregistry.compatibility.CompatibilityLevel;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * The registry's single source of truth, shared by every instance on the same
 * {@code _schemas} topic. Memory is only ever changed by applying records read back from
 * the topic, in offset order, by one tailing thread ({@link TopicTail}); so every
 * instance, and every restart, builds the same state from the same log. A write appends
 * its records and answers only once this instance has applied them, and a read first
 * catches up with the topic's end: a write acknowledged by any instance is seen by the
 * next read on every instance.
 * <p>
 * Writes are serialized per instance and, through {@link LeaderElection}, sent to one
 * leader; should two instances still write at once (a leader that does not yet know it
 * was replaced), {@link RegistryState} keeps the first claim of an id or version in log
 * order, and the writer that lost re-reads and tries again.
 */
public class SchemaStore implements InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SchemaStore.class);

	private static final int WRITE_ATTEMPTS = 3;

	/**
	 * How long a read waits for the broker's end offset before it answers from what it
	 * has.
	 */
	private static final Duration READ_SYNC_TIMEOUT = Duration.ofSeconds(5);

	private final SchemasTopic topic;

	private final Duration timeout;

	private final RegistryState state = new RegistryState();

	/**
	 * Held only to apply a batch or to evaluate a query or command: never while waiting
	 * on Kafka.
	 */
	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	/**
	 * One write at a time on this instance: a command must see the effects of the
	 * previous one.
	 */
	private final ReentrantLock writes = new ReentrantLock(true);

	private final Object progress = new Object();

	private final TopicTail tail;

	/** Every record below this offset has been applied to the state. */
	private long applied;

	private volatile Leader leader;

	private volatile boolean ready;

	SchemaStore(SchemasTopic topic, Duration timeout) {
		this.topic = topic;
		this.timeout = timeout;
		this.tail = new TopicTail(topic, this::apply);
	}

	@Override
	public void afterPropertiesSet() throws Exception {
		this.topic.createIfMissing();
		long end = this.topic.endOffset(this.timeout);
		this.tail.start();
		if (!awaitApplied(end, this.timeout)) {
			throw new IllegalStateException("Timed out reading topic " + this.topic.name() + " to offset " + end);
		}
		log.info("Schema store rebuilt from topic {} up to offset {}", this.topic.name(), end);
		this.ready = true;
	}

	/**
	 * Runs a query against a consistent view of the state that includes every record the
	 * topic held when the read began. Should the broker not answer in time, the query
	 * runs against what this instance has applied so far: reads stay available without
	 * Kafka.
	 */
	public <T> T read(Function<RegistryState, T> query) {
		catchUp(false);
		return query(query);
	}

	/**
	 * Runs a command that checks the state and appends changes. The command sees every
	 * record in the topic, and the write is answered only once this instance has applied
	 * its records.
	 */
	public <T> T write(Function<Writer, T> command) {
		this.writes.lock();
		try {
			for (int attempt = 1;; attempt++) {
				catchUp(true);
				Writer writer = new Writer();
				T result = query((state) -> command.apply(writer));
				if (writer.pending.isEmpty()) {
					return result;
				}
				long last = -1;
				for (Pending record : writer.pending) {
					last = append(record.key(), record.value());
				}
				if (!awaitApplied(last + 1, this.timeout)) {
					throw Errors.timeout("Timed out waiting for the schema store to apply a write", null);
				}
				List<Pending> lost = query((state) -> writer.pending.stream().filter((p) -> p.lost(state)).toList());
				if (lost.isEmpty()) {
					return result;
				}
				log.warn("{} record(s) lost to a concurrent write by another instance (attempt {})", lost.size(),
						attempt);
				restore(lost);
				if (attempt == WRITE_ATTEMPTS) {
					throw Errors.storeError("Concurrent writes by another registry instance kept conflicting", null);
				}
			}
		}
		finally {
			this.writes.unlock();
		}
	}

	/** The instance that last announced itself leader, if any did. */
	public Optional<Leader> leader() {
		return Optional.ofNullable(this.leader);
	}

	/** Waits until this instance has applied every record the topic holds now. */
	public void catchUp() {
		catchUp(false);
	}

	void announce(Leader leader) {
		write((writer) -> {
			writer.append(Key.leader(), new LeaderValue(leader.url(), leader.generation(), leader.instance()));
			return null;
		});
	}

	boolean ready() {
		return this.ready;
	}

	SchemasTopic topic() {
		return this.topic;
	}

	public String clusterId() {
		try {
			return this.topic.clusterId(READ_SYNC_TIMEOUT);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw Errors.storeError("Interrupted while asking Kafka for its cluster id", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw Errors.storeError("Kafka did not tell its cluster id", ex);
		}
	}

	private <T> T query(Function<RegistryState, T> query) {
		this.lock.readLock().lock();
		try {
			return query.apply(this.state);
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/**
	 * Waits until the state includes every record the topic holds now. A writer must: its
	 * checks and the next id depend on it. A reader falls back to what it has.
	 */
	private void catchUp(boolean required) {
		long end;
		try {
			end = this.topic.endOffset(required ? this.timeout : READ_SYNC_TIMEOUT);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw Errors.storeError("Interrupted while reading the schema store", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			if (required) {
				throw Errors.storeError("Could not read the schema store's end offset", ex);
			}
			log.debug("Answering from local state: the end offset of {} is unknown", this.topic.name(), ex);
			return;
		}
		if (!awaitApplied(end, required ? this.timeout : READ_SYNC_TIMEOUT) && required) {
			throw Errors.timeout("Timed out reading the schema store to its end", null);
		}
	}

	private boolean awaitApplied(long offset, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.progress) {
			while (this.applied < offset) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				try {
					this.progress.wait(Math.max(1, left / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			return true;
		}
	}

	private long append(String key, String value) {
		try {
			return this.topic.append(key, value);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw Errors.storeError("Interrupted while writing to the schema store", ex);
		}
		catch (TimeoutException ex) {
			throw Errors.timeout("Timed out writing to the schema store", ex);
		}
		catch (ExecutionException ex) {
			throw Errors.storeError("Error while writing to the schema store", ex.getCause());
		}
	}

	/**
	 * Writes the winning value again under every key a lost record took, so compaction
	 * (which keeps the last value per key) keeps the winner rather than the ignored
	 * record.
	 */
	private void restore(List<Pending> lost) {
		for (Pending record : lost) {
			Optional<SchemaVersion> winner = query(
					(state) -> state.version(record.expected().subject(), record.expected().version()));
			append(record.key(), winner.map((version) -> StoreRecords.write(SchemaValue.of(version))).orElse(null));
		}
	}

	/** Called by the tail with each polled batch and the position after it. */
	private void apply(List<ConsumerRecord<String, String>> records, long position) {
		if (!records.isEmpty()) {
			this.lock.writeLock().lock();
			try {
				for (ConsumerRecord<String, String> record : records) {
					if (record.key() != null) {
						applyRecord(record);
					}
				}
			}
			finally {
				this.lock.writeLock().unlock();
			}
		}
		synchronized (this.progress) {
			if (position > this.applied) {
				this.applied = position;
				this.progress.notifyAll();
			}
		}
	}

	private void applyRecord(ConsumerRecord<String, String> record) {
		try {
			apply(record.key(), record.value());
		}
		catch (RuntimeException ex) {
			// Every instance skips the same unreadable record, so they still agree.
			log.error("Skipping unreadable record at offset {} of {}", record.offset(), this.topic.name(), ex);
		}
	}

	private void apply(String key, String value) {
		Key parsed = StoreRecords.read(key, Key.class);
		switch (parsed.keytype()) {
			case StoreRecords.SCHEMA -> {
				if (value == null) {
					this.state.removeVersion(parsed.subject(), parsed.version());
				}
				else {
					SchemaVersion version = StoreRecords.read(value, SchemaValue.class).toVersion();
					if (!this.state.putVersion(version)) {
						log.warn("Ignoring {} version {} with id {}: an earlier record claimed that id or version",
								version.subject(), version.version(), version.id());
					}
				}
			}
			case StoreRecords.CONFIG -> this.state.putConfig(parsed.subject(),
					(value != null) ? StoreRecords.read(value, ConfigValue.class).toConfig() : null);
			case StoreRecords.MODE -> this.state.putMode(parsed.subject(),
					(value != null) ? Mode.parse(StoreRecords.read(value, ModeValue.class).mode()).orElse(null) : null);
			case StoreRecords.ID_FLOOR -> {
				if (value != null) {
					this.state.raiseIdFloor(StoreRecords.read(value, IdFloorValue.class).maxId());
				}
			}
			case StoreRecords.LEADER ->
				this.leader = (value != null) ? StoreRecords.read(value, LeaderValue.class).toLeader() : null;
			default -> log.debug("Ignoring store record of type {}", parsed.keytype());
		}
	}

	@Override
	public void destroy() {
		this.tail.close();
		this.topic.close();
	}

	/**
	 * A record a command appends; for a schema version, what the state must hold once
	 * applied.
	 */
	private record Pending(String key, String value, SchemaVersion expected) {

		boolean lost(RegistryState state) {
			return this.expected != null && !state.version(this.expected.subject(), this.expected.version())
				.equals(Optional.of(this.expected));
		}

	}

	/**
	 * The write side of a command: it sees the state and collects the records to append,
	 * which reach memory only once read back from the topic.
	 */
	public final class Writer {

		private final List<Pending> pending = new ArrayList<>();

		private boolean idFloorWritten;

		private Writer() {
		}

		public RegistryState state() {
			return SchemaStore.this.state;
		}

		public void putVersion(SchemaVersion version) {
			String key = StoreRecords.write(Key.schema(version.subject(), version.version()));
			this.pending.add(new Pending(key, StoreRecords.write(SchemaValue.of(version)), version));
		}

		/**
		 * Hard delete: a tombstone, so compaction forgets the version (but never its id).
		 */
		public void removeVersion(String subject, int version) {
			if (!this.idFloorWritten) {
				append(Key.idFloor(), new IdFloorValue(state().highestId()));
				this.idFloorWritten = true;
			}
			append(Key.schema(subject, version), null);
		}

		/**
		 * Sets a subject's level, or the global one when subject is null; null level
		 * removes it.
		 */
		public void putConfig(String subject, CompatibilityLevel level) {
			putConfig(subject, (level != null) ? SubjectConfig.of(level) : null);
		}

		/**
		 * Sets a subject's config, or the global one when subject is null; null or empty
		 * removes it.
		 */
		public void putConfig(String subject, SubjectConfig config) {
			append(Key.config(subject), (config != null && !config.isEmpty()) ? ConfigValue.of(config) : null);
		}

		/**
		 * Sets a subject's mode, or the global one when subject is null; null mode
		 * removes it.
		 */
		public void putMode(String subject, Mode mode) {
			append(Key.mode(subject), (mode != null) ? new ModeValue(mode.name()) : null);
		}

		private void append(Key key, Object value) {
			this.pending
				.add(new Pending(StoreRecords.write(key), (value != null) ? StoreRecords.write(value) : null, null));
		}

	}

}
