package dev.orderflow.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.orderflow.schemaregistry.client.MockSchemaRegistry;
import dev.orderflow.schemaregistry.client.MockSchemaRegistryClient;
import dev.orderflow.schemaregistry.compatibility.CompatibilityLevel;
import dev.orderflow.schemaregistry.rules.ClasspathDataContracts;
import dev.orderflow.schemaregistry.rules.DataContract;
import dev.orderflow.schemaregistry.rules.Metadata;
import dev.orderflow.schemaregistry.rules.Rule;
import dev.orderflow.schemaregistry.rules.RuleConditionException;
import dev.orderflow.schemaregistry.rules.RuleEnforcer;
import dev.orderflow.schemaregistry.rules.RuleKind;
import dev.orderflow.schemaregistry.rules.RuleMode;
import dev.orderflow.schemaregistry.rules.RuleSet;
import dev.orderflow.schemaregistry.serde.KafkaAvroDeserializer;
import dev.orderflow.schemaregistry.serde.KafkaAvroSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The generated events travel through the serde as the services configure it. */
class EventSerdeTest {

	private final String scope = "events-" + UUID.randomUUID();

	private final Map<String, Object> config = Map.of("schema.registry.url", "mock://" + this.scope,
			"value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy",
			"specific.avro.reader", true);

	@AfterEach
	void dropRegistry() {
		MockSchemaRegistry.dropScope(this.scope);
	}

	@Test
	void roundTripsEventsOfOneTopicUnderTheirOwnSubjects() {
		KafkaAvroSerializer serializer = new KafkaAvroSerializer();
		serializer.configure(this.config, false);
		KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
		deserializer.configure(this.config, false);
		String orderId = UUID.randomUUID().toString();
		OrderPlaced placed = OrderPlaced.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(orderId)
			.setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			.setCustomerId("customer-1")
			.setCustomerEmail("ada@example.com")
			.setLines(List.of(OrderLine.newBuilder().setSku("SKU-001").setQuantity(2).build()))
			.build();
		OrderCancelled cancelled = OrderCancelled.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(orderId)
			.setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			.setCustomerEmail("ada@example.com")
			.setPreviousStatus("PENDING")
			.build();

		assertThat(deserializer.deserialize("orders", serializer.serialize("orders", placed))).isEqualTo(placed);
		assertThat(deserializer.deserialize("orders", serializer.serialize("orders", cancelled))).isEqualTo(cancelled);
		assertThat(MockSchemaRegistry.getClientForScope(this.scope).getAllSubjects())
			.containsExactly("orders-dev.orderflow.events.OrderPlaced", "orders-dev.orderflow.events.OrderCancelled");
	}

	@Test
	void refusesAnOrderPlacedThatBreaksItsContractBeforeItLeavesTheProducer() {
		KafkaAvroSerializer serializer = new KafkaAvroSerializer();
		serializer.configure(this.config, false);
		OrderPlaced tooMany = OrderPlaced.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(UUID.randomUUID().toString())
			.setOccurredAt(Instant.now())
			.setCustomerId("customer-1")
			.setCustomerEmail("ada@example.com")
			.setLines(List.of(OrderLine.newBuilder().setSku("SKU-001").setQuantity(1001).build()))
			.build();

		assertThatExceptionOfType(RuleConditionException.class)
			.isThrownBy(() -> serializer.serialize("orders", tooMany))
			.withMessageStartingWith("Rule 'lineQuantityWithinCap' (WRITE CONDITION on field lines) of "
					+ "orders-dev.orderflow.events.OrderPlaced failed");
	}

	@Test
	void refusesAnOrderPlacedWhosePiiIsTooLongByItsFieldRule() {
		KafkaAvroSerializer serializer = new KafkaAvroSerializer();
		serializer.configure(this.config, false);
		String longAddress = "a".repeat(309) + "@example.com";
		OrderPlaced tooLong = OrderPlaced.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(UUID.randomUUID().toString())
			.setOccurredAt(Instant.now())
			.setCustomerId("customer-1")
			.setCustomerEmail(longAddress)
			.setLines(List.of(OrderLine.newBuilder().setSku("SKU-001").setQuantity(1).build()))
			.build();

		assertThat(longAddress).hasSize(321);
		assertThatExceptionOfType(RuleConditionException.class)
			.isThrownBy(() -> serializer.serialize("orders", tooLong))
			.withMessageStartingWith("Rule 'piiWithinLength' (WRITE CONDITION on field customerEmail) of "
					+ "orders-dev.orderflow.events.OrderPlaced failed")
			.withMessageNotContaining(longAddress);
		tooLong.setCustomerEmail(longAddress.substring(1));
		assertThat(serializer.serialize("orders", tooLong)).isNotEmpty();
	}

	@Test
	void transformRulesKeepAGeneratedEventsTypesAndNeverChangeTheCallersEvent() {
		OrderPlaced order = OrderPlaced.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(UUID.randomUUID().toString())
			.setOccurredAt(Instant.ofEpochMilli(1_000_000))
			.setCustomerId("customer-1")
			.setCustomerEmail("ada@example.com")
			.setLines(List.of(OrderLine.newBuilder().setSku("SKU-001").setQuantity(2).build()))
			.build();
		Rule unchanged = new Rule("unchanged", null, RuleKind.TRANSFORM, RuleMode.WRITE, "CEL", null, null, "message",
				null, null, null);
		Rule maskPii = new Rule("maskPii", null, RuleKind.TRANSFORM, RuleMode.WRITE, "CEL_FIELD",
				new TreeSet<>(Set.of("PII")), null, "'****'", null, null, null);
		Rule aSecondLater = new Rule("aSecondLater", null, RuleKind.TRANSFORM, RuleMode.WRITE, "CEL_FIELD", null, null,
				"name == 'occurredAt' ; value + 1000", null, null, null);
		Metadata pii = ClasspathDataContracts.of(OrderPlaced.getClassSchema()).metadata();

		Object same = new RuleEnforcer().apply(OrderPlaced.getClassSchema(),
				new DataContract(pii, new RuleSet(null, List.of(unchanged))), order, true, "OrderPlaced");
		OrderPlaced changed = (OrderPlaced) new RuleEnforcer().apply(OrderPlaced.getClassSchema(),
				new DataContract(pii, new RuleSet(null, List.of(maskPii, aSecondLater))), order, true, "OrderPlaced");

		assertThat(same).isInstanceOf(OrderPlaced.class).isEqualTo(order).isNotSameAs(order);
		assertThat(changed.getCustomerEmail()).isEqualTo("****");
		assertThat(changed.getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1_001_000));
		assertThat(changed.getEventId()).isEqualTo(order.getEventId());
		assertThat(changed.getLines().get(0)).isInstanceOf(OrderLine.class);
		assertThat(order.getCustomerEmail()).isEqualTo("ada@example.com");
	}

	@Test
	void aConsumerOfTheLatestVersionGetsAnOlderOrderPlacedMigratedIntoTheGeneratedClass() {
		String subject = "orders-dev.orderflow.events.OrderPlaced";
		// an earlier version that called the address "email": a breaking rename
		Schema older = new Schema.Parser()
			.parse(OrderPlaced.getClassSchema().toString().replace("\"customerEmail\"", "\"email\""));
		MockSchemaRegistryClient registry = MockSchemaRegistry.getClientForScope(this.scope);
		registry.updateCompatibility(subject, CompatibilityLevel.NONE);
		registry.register(subject, older.toString(), false, DataContract.NONE);
		Rule rename = new Rule("emailToCustomerEmail", null, RuleKind.TRANSFORM, RuleMode.UPGRADE, "JSONATA", null,
				null, "$merge([$sift($, function($v, $k) {$k != 'email'}), {'customerEmail': $.email}])", null, null,
				null);
		DataContract current = ClasspathDataContracts.of(OrderPlaced.getClassSchema());
		registry.register(subject, OrderPlaced.getClassSchema().toString(), false,
				new DataContract(current.metadata(), new RuleSet(List.of(rename), current.ruleSet().domainRules())));
		Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		GenericRecord line = new GenericData.Record(OrderLine.getClassSchema());
		line.put("sku", "SKU-001");
		line.put("quantity", 2);
		GenericRecord written = new GenericData.Record(older);
		written.put("eventId", UUID.randomUUID().toString());
		written.put("orderId", UUID.randomUUID().toString());
		written.put("occurredAt", occurredAt.toEpochMilli());
		written.put("customerId", "customer-1");
		written.put("email", "ada@example.com");
		written.put("lines", List.of(line));
		Map<String, Object> producer = new HashMap<>(this.config);
		producer.put("auto.register.schemas", false);
		KafkaAvroSerializer serializer = new KafkaAvroSerializer();
		serializer.configure(producer, false);
		byte[] bytes = serializer.serialize("orders", written);
		Map<String, Object> consumer = new HashMap<>(this.config);
		consumer.put("use.latest.version", true);
		KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
		deserializer.configure(consumer, false);

		Object read = deserializer.deserialize("orders", bytes);

		assertThat(read).isInstanceOf(OrderPlaced.class);
		OrderPlaced placed = (OrderPlaced) read;
		assertThat(placed.getCustomerEmail()).isEqualTo("ada@example.com");
		assertThat(placed.getOccurredAt()).isEqualTo(occurredAt);
		assertThat(placed.getEventId()).hasToString(written.get("eventId").toString());
		assertThat(placed.getLines().get(0)).isInstanceOf(OrderLine.class);
		// the latest version's READ rules apply to the migrated record
		written.put("email", "not-an-address");
		byte[] bad = serializer.serialize("orders", written);
		assertThatExceptionOfType(RuleConditionException.class)
			.isThrownBy(() -> deserializer.deserialize("orders", bad))
			.withMessageContaining("Rule 'customerEmailIsAnAddress' (READ CONDITION on field customerEmail)");
	}

}
