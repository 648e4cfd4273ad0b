package dev.orderflow.schemaregistry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orderflow.schemaregistry.client.MockSchemaRegistry;
import dev.orderflow.schemaregistry.client.MockSchemaRegistryClient;
import dev.orderflow.schemaregistry.compatibility.CompatibilityLevel;
import dev.orderflow.schemaregistry.rules.DataContract;
import dev.orderflow.schemaregistry.rules.Rule;
import dev.orderflow.schemaregistry.rules.RuleConditionException;
import dev.orderflow.schemaregistry.rules.RuleKind;
import dev.orderflow.schemaregistry.rules.RuleMode;
import dev.orderflow.schemaregistry.rules.RuleSet;

/**
 * Migration rules in JSONata, as in Confluent's documentation: version 2 of a widget
 * renames {@code size} to {@code height} (a breaking change), and carries the rules that
 * upgrade a version 1 record to it and downgrade a version 2 record back. A consumer that
 * reads with the latest version ({@code use.latest.version=true}) gets every record in
 * it.
 */
class MigrationRulesTests {

	private static final String TOPIC = "widgets";

	private static final String SUBJECT = TOPIC + "-value";

	private static final Schema V1 = SchemaBuilder.record("Widget")
		.namespace("dev.orderflow.schemaregistry.migrations")
		.fields()
		.requiredString("name")
		.requiredInt("size")
		.endRecord();

	private static final Schema V2 = SchemaBuilder.record("Widget")
		.namespace("dev.orderflow.schemaregistry.migrations")
		.fields()
		.requiredString("name")
		.requiredInt("height")
		.endRecord();

	private static final Rule UPGRADE = migration("sizeToHeight", RuleMode.UPGRADE,
			"$merge([$sift($, function($v, $k) {$k != 'size'}), {'height': $.'size'}])");

	private static final Rule DOWNGRADE = migration("heightToSize", RuleMode.DOWNGRADE,
			"$merge([$sift($, function($v, $k) {$k != 'height'}), {'size': $.'height'}])");

	private final String scope = "migrations-" + UUID.randomUUID();

	private final MockSchemaRegistryClient registry = MockSchemaRegistry.getClientForScope(this.scope);

	@BeforeEach
	void allowBreakingChanges() {
		this.registry.updateCompatibility(SUBJECT, CompatibilityLevel.NONE);
	}

	@AfterEach
	void dropRegistry() {
		MockSchemaRegistry.dropScope(this.scope);
	}

	@Test
	void aConsumerReadingTheLatestVersionGetsAnOlderRecordUpgraded() {
		this.registry.register(SUBJECT, V1.toString(), false, DataContract.NONE);
		byte[] written = serializer().serialize(TOPIC, widget(V1, "size", 7));
		this.registry.register(SUBJECT, V2.toString(), false,
				new DataContract(null, new RuleSet(List.of(UPGRADE, DOWNGRADE), null)));

		GenericRecord read = (GenericRecord) deserializer(true).deserialize(TOPIC, written);

		assertThat(read.getSchema()).isEqualTo(V2);
		assertThat(read.get("height")).isEqualTo(7);
		assertThat(read.get("name")).hasToString("w-1");
	}

	@Test
	void withoutUseLatestVersionOrWithTheLatestWriterNothingIsMigrated() {
		this.registry.register(SUBJECT, V1.toString(), false, DataContract.NONE);
		byte[] old = serializer().serialize(TOPIC, widget(V1, "size", 7));
		this.registry.register(SUBJECT, V2.toString(), false,
				new DataContract(null, new RuleSet(List.of(UPGRADE, DOWNGRADE), null)));
		byte[] current = serializer().serialize(TOPIC, widget(V2, "height", 9));

		GenericRecord asWritten = (GenericRecord) deserializer(false).deserialize(TOPIC, old);
		GenericRecord latest = (GenericRecord) deserializer(true).deserialize(TOPIC, current);

		assertThat(asWritten.get("size")).isEqualTo(7);
		assertThat(latest.get("height")).isEqualTo(9);
	}

	@Test
	void aRecordReadFromATopicWhoseSubjectHasNoVersionIsReadAsWritten() {
		this.registry.register(SUBJECT, V1.toString(), false, DataContract.NONE);
		byte[] written = serializer().serialize(TOPIC, widget(V1, "size", 7));
		this.registry.register(SUBJECT, V2.toString(), false,
				new DataContract(null, new RuleSet(List.of(UPGRADE, DOWNGRADE), null)));

		// a dead-letter topic's subject, widgets.DLT-value, was never registered
		GenericRecord read = (GenericRecord) deserializer(true).deserialize(TOPIC + ".DLT", written);

		assertThat(read.get("size")).isEqualTo(7);
	}

	@Test
	void aRecordOfANewerVersionIsDowngradedWithThatVersionsRules() {
		int v1 = this.registry.register(SUBJECT, V1.toString(), false, DataContract.NONE);
		int v2 = this.registry.register(SUBJECT, V2.toString(), false,
				new DataContract(null, new RuleSet(List.of(UPGRADE, DOWNGRADE), null)));
		Migrations migrations = new Migrations(this.registry);

		List<Migrations.Step> steps = migrations.plan(SUBJECT, v2, v1, 1);
		Object downgraded = migrations.migrate(steps, V2, widget(V2, "height", 4), "Widget");

		assertThat(steps).singleElement().satisfies((step) -> {
			assertThat(step.mode()).isEqualTo(RuleMode.DOWNGRADE);
			assertThat(step.rules()).extracting(Rule::name).containsExactly("heightToSize");
			assertThat(step.target()).isEqualTo(V1);
		});
		assertThat(((GenericRecord) downgraded).get("size")).isEqualTo(4);
		assertThat(migrations.plan(SUBJECT, v1, v2, 2)).singleElement()
			.satisfies((step) -> assertThat(step.rules()).extracting(Rule::name).containsExactly("sizeToHeight"));
	}

	@Test
	void aMigrationWhoseResultIsNoRecordOfTheReadersVersionBreaksItsRule() {
		this.registry.register(SUBJECT, V1.toString(), false, DataContract.NONE);
		byte[] written = serializer().serialize(TOPIC, widget(V1, "size", 7));
		Rule forgetful = migration("forgetsTheHeight", RuleMode.UPDOWN, "$sift($, function($v, $k) {$k != 'size'})");
		this.registry.register(SUBJECT, V2.toString(), false,
				new DataContract(null, new RuleSet(List.of(forgetful), null)));

		assertThatExceptionOfType(RuleConditionException.class)
			.isThrownBy(() -> deserializer(true).deserialize(TOPIC, written))
			.withMessageContaining("Rule 'forgetsTheHeight' (UPGRADE TRANSFORM)")
			.withMessageContaining("its result is no dev.orderflow.schemaregistry.migrations.Widget");
	}

	private static Rule migration(String name, RuleMode mode, String expr) {
		return new Rule(name, null, RuleKind.TRANSFORM, mode, "JSONATA", null, null, expr, null, null, null);
	}

	private static GenericRecord widget(Schema schema, String field, int value) {
		GenericRecord widget = new GenericData.Record(schema);
		widget.put("name", "w-1");
		widget.put(field, value);
		return widget;
	}

	private KafkaAvroSerializer serializer() {
		Map<String, Object> configs = new HashMap<>();
		configs.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + this.scope);
		configs.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
		KafkaAvroSerializer serializer = new KafkaAvroSerializer();
		serializer.configure(configs, false);
		return serializer;
	}

	private KafkaAvroDeserializer deserializer(boolean useLatestVersion) {
		Map<String, Object> configs = new HashMap<>();
		configs.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + this.scope);
		configs.put(AvroSerdeConfig.USE_LATEST_VERSION, useLatestVersion);
		KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
		deserializer.configure(configs, false);
		return deserializer;
	}

}
