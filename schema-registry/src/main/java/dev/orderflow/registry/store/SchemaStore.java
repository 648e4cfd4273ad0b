package dev.orderflow.registry.store;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.registry.mode.Mode;
import dev.orderflow.registry.store.StoreRecords.ConfigValue;
import dev.orderflow.registry.store.StoreRecords.Key;
import dev.orderflow.registry.store.StoreRecords.ModeValue;
import dev.orderflow.registry.store.StoreRecords.SchemaValue;
import dev.orderflow.registry.web.Errors;
import dev.orderflow.schemaregistry.compatibility.CompatibilityLevel;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * The registry's single source of truth. On start it replays the {@code _schemas} topic into
 * memory; every change is first appended to the topic (synchronously, {@code acks=all}) and
 * only then applied to memory, so a restart rebuilds exactly the same state and ids. Writes
 * are serialized: the registry is the topic's single writer.
 */
public class SchemaStore implements InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SchemaStore.class);

	private final SchemasTopic topic;

	private final RegistryState state = new RegistryState();

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	private volatile boolean ready;

	SchemaStore(SchemasTopic topic) {
		this.topic = topic;
	}

	@Override
	public void afterPropertiesSet() throws Exception {
		this.topic.createIfMissing();
		this.lock.writeLock().lock();
		try {
			int records = this.topic.replay(this::apply);
			log.info("Schema store rebuilt from {} records of topic {}", records, this.topic.name());
		}
		finally {
			this.lock.writeLock().unlock();
		}
		this.ready = true;
	}

	/** Runs a query against a consistent view of the state. */
	public <T> T read(Function<RegistryState, T> query) {
		this.lock.readLock().lock();
		try {
			return query.apply(this.state);
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/** Runs a command that checks the state and appends changes, with no other writer in between. */
	public <T> T write(Function<Writer, T> command) {
		this.lock.writeLock().lock();
		try {
			return command.apply(new Writer());
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	boolean ready() {
		return this.ready;
	}

	SchemasTopic topic() {
		return this.topic;
	}

	private void apply(String key, String value) {
		Key parsed = StoreRecords.read(key, Key.class);
		switch (parsed.keytype()) {
			case StoreRecords.SCHEMA -> {
				if (value == null) {
					this.state.removeVersion(parsed.subject(), parsed.version());
				}
				else {
					this.state.putVersion(StoreRecords.read(value, SchemaValue.class).toVersion());
				}
			}
			case StoreRecords.CONFIG -> this.state.putConfig(parsed.subject(), (value != null)
					? CompatibilityLevel.parse(StoreRecords.read(value, ConfigValue.class).compatibilityLevel())
						.orElse(null)
					: null);
			case StoreRecords.MODE -> this.state.putMode(parsed.subject(),
					(value != null) ? Mode.parse(StoreRecords.read(value, ModeValue.class).mode()).orElse(null) : null);
			default -> log.debug("Ignoring store record of type {}", parsed.keytype());
		}
	}

	@Override
	public void destroy() {
		this.topic.close();
	}

	/**
	 * The write side, handed out only while the write lock is held: each change reaches the
	 * topic before memory.
	 */
	public final class Writer {

		private Writer() {
		}

		public RegistryState state() {
			return SchemaStore.this.state;
		}

		public void putVersion(SchemaVersion version) {
			append(Key.schema(version.subject(), version.version()), SchemaValue.of(version));
		}

		/** Hard delete: a tombstone, so compaction forgets the version. */
		public void removeVersion(String subject, int version) {
			append(Key.schema(subject, version), null);
		}

		/** Sets a subject's level, or the global one when subject is null; null level removes it. */
		public void putConfig(String subject, CompatibilityLevel level) {
			append(Key.config(subject), (level != null) ? new ConfigValue(level.name()) : null);
		}

		/** Sets a subject's mode, or the global one when subject is null; null mode removes it. */
		public void putMode(String subject, Mode mode) {
			append(Key.mode(subject), (mode != null) ? new ModeValue(mode.name()) : null);
		}

		private void append(Key key, Object value) {
			String keyJson = StoreRecords.write(key);
			String valueJson = (value != null) ? StoreRecords.write(value) : null;
			try {
				SchemaStore.this.topic.append(keyJson, valueJson);
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
			SchemaStore.this.apply(keyJson, valueJson);
		}

	}

}
