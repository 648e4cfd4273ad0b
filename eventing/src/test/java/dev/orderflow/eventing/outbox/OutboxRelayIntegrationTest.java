package dev.orderflow.eventing.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.orderflow.eventing.AbstractEventingIntegrationTest;
import dev.orderflow.eventing.observability.OutboxTracing;
import dev.orderflow.events.OrderLine;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.schemaregistry.serde.AvroSerdeConfig;
import dev.orderflow.schemaregistry.serde.KafkaAvroDeserializer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.awaitility.Awaitility.await;

/**
 * The relay on a real broker: several relays on one database publish each event once and
 * each key in order; a relay that dies mid-batch hands over at once; an event that can
 * never be published is set aside without blocking anyone, and its key's later events
 * wait behind it; rows written by a newer version are published with their own schema;
 * stopping drains.
 */
class OutboxRelayIntegrationTest extends AbstractEventingIntegrationTest {

	@Autowired
	OutboxRelay relay;

	@Autowired
	SetAsideEvents setAsideEvents;

	@Autowired
	SetAsideRecorder setAsideRecorder;

	@Autowired
	DataSource dataSource;

	@Autowired
	ApplicationContext context;

	@Autowired
	MeterRegistry meters;

	@Autowired
	MockMvc mvc;

	@Test
	void relaysOfThreeInstancesPublishEveryEventOnceAndEachKeyInOrder() throws Exception {
		List<String> keys = IntStream.range(0, 30).mapToObj((i) -> "multi-" + UUID.randomUUID()).toList();
		List<OutboxRelay> others = List.of(newRelay(), newRelay());
		others.forEach(OutboxRelay::start);
		long started = System.nanoTime();
		try {
			// interleaved keys, appended while three relays compete for the batches
			for (int batch = 0; batch < 15; batch++) {
				int first = batch * 100;
				this.transactions.executeWithoutResult((tx) -> {
					for (int n = first; n < first + 100; n++) {
						String key = keys.get(n % keys.size());
						this.outbox.append(RELAY_TOPIC, key, event(key, "seq-" + n));
					}
				});
			}
			List<ConsumerRecord<String, byte[]>> records = RelayTopic.read(this.broker.getBrokersAsString(),
					RELAY_TOPIC, keys, 1500, Duration.ofSeconds(2));
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf("three relays published 1500 events in %.2f s%n", seconds);

			Set<UUID> eventIds = new HashSet<>();
			Map<String, Integer> lastSequence = new HashMap<>();
			try (KafkaAvroDeserializer deserializer = specificDeserializer()) {
				for (ConsumerRecord<String, byte[]> record : records) {
					OrderPlaced placed = (OrderPlaced) deserializer.deserialize(RELAY_TOPIC, record.value());
					assertThat(eventIds.add(placed.getEventId())).as("published once: %s", placed.getCustomerId())
						.isTrue();
					int sequence = Integer.parseInt(placed.getCustomerId().substring("seq-".length()));
					Integer previous = lastSequence.put(record.key(), sequence);
					assertThat(previous == null || previous < sequence)
						.as("key %s: %s after seq-%s", record.key(), placed.getCustomerId(), previous)
						.isTrue();
				}
			}
			assertThat(eventIds).hasSize(1500);
		}
		finally {
			others.forEach(OutboxRelay::stop);
		}
	}

	@Test
	void aRelayThatDiesHoldingTheLockHandsOverAtOnce() throws Exception {
		String key = "handover-" + UUID.randomUUID();
		try (Connection dying = this.dataSource.getConnection()) {
			dying.setAutoCommit(false);
			try (Statement lock = dying.createStatement();
					ResultSet held = lock.executeQuery("SELECT name FROM outbox_relay_lock FOR UPDATE")) {
				assertThat(held.next()).isTrue();
			}
			this.transactions.executeWithoutResult((tx) -> this.outbox.append(RELAY_TOPIC, key, event(key, "seq-1")));
			this.relay.wakeUp();
			// nobody publishes while another relay holds the lock
			Thread.sleep(1000);
			assertThat(pending(key)).isEqualTo(1);
			// the process dies: its transaction ends without a commit and its lock goes
			// with it
			dying.rollback();
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> pending(key) == 0);
		assertThat(RelayTopic.read(this.broker.getBrokersAsString(), RELAY_TOPIC, List.of(key), 1, Duration.ZERO))
			.hasSize(1);
	}

	@Test
	void anEventTooLargeForKafkaIsSetAsideAndItsKeysLaterEventsWaitBehindIt() throws Exception {
		String poisoned = "too-large-" + UUID.randomUUID();
		String healthy = "healthy-" + UUID.randomUUID();
		OrderPlaced tooLarge = event(poisoned, "seq-1");
		// too large by its SKU: an e-mail address that long would break the contract's
		// piiWithinLength and be set aside for that instead
		tooLarge.getLines().get(0).setSku("x".repeat(1_200_000));
		this.transactions.executeWithoutResult((tx) -> {
			this.outbox.append(RELAY_TOPIC, poisoned, tooLarge);
			this.outbox.append(RELAY_TOPIC, poisoned, event(poisoned, "seq-2"));
			this.outbox.append(RELAY_TOPIC, healthy, event(healthy, "seq-3"));
		});

		List<ConsumerRecord<String, byte[]>> published = RelayTopic.read(this.broker.getBrokersAsString(), RELAY_TOPIC,
				List.of(poisoned, healthy), 1, Duration.ofSeconds(2));
		assertThat(published).extracting(ConsumerRecord::key).containsExactly(healthy);
		await().atMost(Duration.ofSeconds(5)).until(() -> pending(poisoned) == 0);

		List<SetAsideEvent> setAside = this.setAsideEvents.list(1000)
			.stream()
			.filter((e) -> e.key().equals(poisoned))
			.toList();
		assertThat(setAside).hasSize(2);
		assertThat(setAside.get(0).reason()).contains("max.request.size");
		assertThat(setAside.get(1).reason()).contains("waits behind");
		assertThat(setAside.get(0).simpleEventType()).isEqualTo("OrderPlaced");
		assertThat(this.setAsideRecorder.events).extracting(SetAsideEvent::id)
			.contains(setAside.get(0).id(), setAside.get(1).id());
		assertThat(this.meters.get("orderflow.outbox.set.aside").gauge().value()).isGreaterThanOrEqualTo(2);
		assertThat(this.meters.get("orderflow.outbox.set.aside.events").tag("type", "OrderPlaced").counter().count())
			.isGreaterThanOrEqualTo(2);

		// listed beside the dead letters, for operators and ./orderflow dlt
		this.mvc.perform(get("/api/dead-letters/set-aside").param("limit", "1000"))
			.andExpect(status().isOk())
			.andExpect(
					jsonPath("$[?(@.key == '" + poisoned + "')].reason", hasItem(containsString("max.request.size"))));

		// a later event of the same order still never overtakes the one set aside
		this.transactions
			.executeWithoutResult((tx) -> this.outbox.append(RELAY_TOPIC, poisoned, event(poisoned, "seq-4")));
		await().atMost(Duration.ofSeconds(5)).until(() -> pending(poisoned) == 0);
		assertThat(this.setAsideEvents.list(1000).stream().filter((e) -> e.key().equals(poisoned))).hasSize(3);
		assertThat(RelayTopic.read(this.broker.getBrokersAsString(), RELAY_TOPIC, List.of(poisoned), 0,
				Duration.ofSeconds(1)))
			.isEmpty();
	}

	@Test
	void anEventThatBreaksARuleOfItsContractIsSetAsideWithTheRuleAsItsReason() {
		String key = UUID.randomUUID().toString();
		OrderPlaced outOfRange = event(key, "seq-1");
		outOfRange.setLines(List.of(new OrderLine("SKU-001", 0)));
		this.transactions.executeWithoutResult((tx) -> this.outbox.append(RELAY_TOPIC, key, outOfRange));

		await().atMost(Duration.ofSeconds(10)).until(() -> pending(key) == 0);
		List<SetAsideEvent> setAside = this.setAsideEvents.list(1000)
			.stream()
			.filter((e) -> e.key().equals(key))
			.toList();
		assertThat(setAside).singleElement()
			.extracting(SetAsideEvent::reason)
			.asString()
			.startsWith("Rule 'lineQuantityWithinCap' (WRITE CONDITION on field lines)")
			.doesNotContain("ada@example.com");
		assertThat(this.setAsideRecorder.events).extracting(SetAsideEvent::key).contains(key);
		assertThat(
				RelayTopic.read(this.broker.getBrokersAsString(), RELAY_TOPIC, List.of(key), 0, Duration.ofSeconds(1)))
			.isEmpty();
	}

	@Test
	void rowsWrittenByANewerVersionArePublishedWithTheirOwnSchema() {
		String key = "newer-" + UUID.randomUUID();
		Schema newer = withGiftNote(OrderPlaced.getClassSchema());
		GenericRecord written = new GenericData.Record(newer);
		OrderPlaced current = event(key, "seq-1");
		for (Schema.Field field : OrderPlaced.getClassSchema().getFields()) {
			written.put(field.name(), GenericData.get().deepCopy(field.schema(), current.get(field.pos())));
		}
		written.put("eventId", current.getEventId().toString());
		written.put("occurredAt", current.getOccurredAt().toEpochMilli());
		written.put("giftNote", "happy birthday");
		WriterSchemas writerSchemas = this.context.getBean(WriterSchemas.class);
		// what a newer instance of the service stores in the shared outbox during a
		// rolling upgrade
		String fingerprint = writerSchemas.store(newer);
		this.jdbc.sql("""
				INSERT INTO outbox_event (topic, record_key, event_type, payload, writer_schema, created_at)
				VALUES (:topic, :key, :type, :payload, :writerSchema, :createdAt)""")
			.param("topic", RELAY_TOPIC)
			.param("key", key)
			.param("type", OrderPlaced.class.getName())
			.param("payload", GenericAvro.encode(written))
			.param("writerSchema", fingerprint)
			.param("createdAt", java.sql.Timestamp.from(Instant.now()))
			.update();
		this.relay.wakeUp();

		ConsumerRecord<String, byte[]> record = RelayTopic
			.read(this.broker.getBrokersAsString(), RELAY_TOPIC, List.of(key), 1, Duration.ZERO)
			.get(0);
		try (KafkaAvroDeserializer generic = new KafkaAvroDeserializer()) {
			generic.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://eventing-test"), false);
			GenericRecord read = (GenericRecord) generic.deserialize(RELAY_TOPIC, record.value());
			assertThat(read.get("giftNote")).hasToString("happy birthday");
		}
		try (KafkaAvroDeserializer specific = specificDeserializer()) {
			OrderPlaced old = (OrderPlaced) specific.deserialize(RELAY_TOPIC, record.value());
			assertThat(old.getEventId()).isEqualTo(current.getEventId());
		}
	}

	/**
	 * More transactions than the pool has connections store the same new schema at once,
	 * as the first requests after a start do: none may need a second connection while it
	 * holds one.
	 */
	@Test
	void concurrentFirstEventsOfANewSchemaNeverWaitForASecondConnection() throws Exception {
		WriterSchemas cold = new WriterSchemas(this.jdbc, this.context.getBean(PlatformTransactionManager.class));
		Schema brandNew = Schema.createRecord("Fresh" + UUID.randomUUID().toString().replace("-", ""), null,
				"dev.orderflow.test", false,
				List.of(new Schema.Field("id", Schema.create(Schema.Type.STRING), null, (Object) null)));
		int transactions = 25;
		java.util.concurrent.CountDownLatch allInside = new java.util.concurrent.CountDownLatch(transactions);
		java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(transactions);
		try {
			List<java.util.concurrent.Future<String>> stored = new ArrayList<>();
			for (int n = 0; n < transactions; n++) {
				stored.add(threads.submit(() -> this.transactions.execute((tx) -> {
					// every transaction holds its connection before any stores the schema
					this.jdbc.sql("SELECT COUNT(*) FROM outbox_event").query(Long.class).single();
					allInside.countDown();
					awaitQuietly(allInside);
					return cold.store(brandNew);
				})));
			}
			for (java.util.concurrent.Future<String> fingerprint : stored) {
				// well below Hikari's 30 s connection timeout, which a pool deadlock
				// would run into
				assertThat(fingerprint.get(20, java.util.concurrent.TimeUnit.SECONDS)).isNotBlank();
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(cold.find(WriterSchemas.fingerprint(brandNew))).contains(brandNew);
	}

	private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
		try {
			latch.await(5, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void stoppingARelayDrainsWhatIsPending() {
		String key = "drain-" + UUID.randomUUID();
		this.relay.stop();
		try {
			this.transactions.executeWithoutResult((tx) -> IntStream.range(0, 50)
				.forEach((n) -> this.outbox.append(RELAY_TOPIC, key, event(key, "seq-" + n))));
			assertThat(pending(key)).isEqualTo(50);
			OutboxRelay stopping = newRelay();
			stopping.start();
			stopping.stop();
			assertThat(pending(key)).isZero();
		}
		finally {
			this.relay.start();
		}
		assertThat(RelayTopic.read(this.broker.getBrokersAsString(), RELAY_TOPIC, List.of(key), 50, Duration.ZERO))
			.hasSize(50);
	}

	private long pending(String key) {
		return this.jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE record_key = :key")
			.param("key", key)
			.query(Long.class)
			.single();
	}

	/** A relay like another instance's, on the same database and broker. */
	private OutboxRelay newRelay() {
		return new OutboxConfiguration().outboxRelay(this.jdbc, this.context.getBean(KafkaProperties.class),
				this.context.getBean(WriterSchemas.class), this.setAsideEvents,
				this.context.getBeanProvider(SetAsideListener.class),
				this.context.getBean(PlatformTransactionManager.class), this.context.getBean(OutboxProperties.class),
				this.context.getBean(OutboxTracing.class), Clock.systemUTC(), this.context.getBean(DataSource.class),
				this.context.getBeanProvider(ObservationRegistry.class),
				this.context.getBeanProvider(DefaultKafkaProducerFactoryCustomizer.class));
	}

	/**
	 * An event appended under {@code key}. Its orderId stays the fixture's UUID rather
	 * than the key: OrderPlaced's contract asks for a UUID, and the relay sets aside what
	 * breaks it.
	 */
	private static OrderPlaced event(String key, String customerId) {
		return orderPlaced(customerId);
	}

	private static KafkaAvroDeserializer specificDeserializer() {
		KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
		deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://eventing-test",
				AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
		return deserializer;
	}

	private static Schema withGiftNote(Schema schema) {
		List<Schema.Field> fields = new ArrayList<>();
		for (Schema.Field field : schema.getFields()) {
			fields.add(new Schema.Field(field, field.schema()));
		}
		fields.add(new Schema.Field("giftNote",
				Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)), null,
				Schema.Field.NULL_DEFAULT_VALUE));
		return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
	}

}
