package dev.orderflow.schemaregistry.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.orderflow.schemaregistry.client.MockSchemaRegistry;
import dev.orderflow.schemaregistry.client.MockSchemaRegistryClient;
import dev.orderflow.schemaregistry.serde.AvroSerdeConfig;
import dev.orderflow.schemaregistry.serde.KafkaAvroDeserializer;
import dev.orderflow.schemaregistry.serde.KafkaAvroSerializer;

/**
 * {@code CEL_FIELD} rules (evaluated per field, selected by tags or a guard) and
 * {@code TRANSFORM} rules of both CEL types, as Confluent's executors run them: by the
 * enforcer, and end to end through the serializer (WRITE) and the deserializer (READ).
 */
class CelFieldAndTransformRulesTests {

	private static final String TOPIC = "parcels";

	private static final Schema LINE = SchemaBuilder.record("Line")
		.namespace("dev.orderflow.schemaregistry.contracts")
		.fields()
		.requiredString("sku")
		.requiredInt("quantity")
		.endRecord();

	private static final Schema PARCEL = SchemaBuilder.record("Parcel")
		.namespace("dev.orderflow.schemaregistry.contracts")
		.fields()
		.requiredString("recipientEmail")
		.requiredInt("stamps")
		.optionalString("note")
		.name("labels")
		.type()
		.array()
		.items()
		.stringType()
		.noDefault()
		.name("lines")
		.type()
		.array()
		.items(LINE)
		.noDefault()
		.endRecord();

	private static final Metadata PII = new Metadata(
			new TreeMap<>(Map.of("Parcel.recipientEmail", new TreeSet<>(Set.of("PII")))), null, null);

	private final String scope = "cel-field-" + UUID.randomUUID();

	private final MockSchemaRegistryClient registry = MockSchemaRegistry.getClientForScope(this.scope);

	private final RuleEnforcer enforcer = new RuleEnforcer();

	@AfterEach
	void dropRegistry() {
		MockSchemaRegistry.dropScope(this.scope);
	}

	@Test
	void aFieldConditionAppliesToTheFieldsCarryingItsTags() {
		Rule isAnAddress = fieldRule("isAnAddress", RuleKind.CONDITION, RuleMode.WRITE, "value.contains('@')",
				Set.of("PII"));

		assertThatExceptionOfType(RuleConditionException.class)
			.isThrownBy(() -> apply(contract(PII, isAnAddress), parcel("no-address", 1), true))
			.withMessageContaining("Rule 'isAnAddress' (WRITE CONDITION on field recipientEmail)")
			.withMessageNotContaining("no-address")
			.satisfies((ex) -> assertThat(ex.fields()).containsExactly("recipientEmail"));
		// no field carries the rule's tag: the rule applies to none
		Rule otherTag = fieldRule("otherTag", RuleKind.CONDITION, RuleMode.WRITE, "value.contains('@')",
				Set.of("SECRET"));
		assertThat(apply(contract(PII, otherTag), parcel("no-address", 1), true)).isNotNull();
	}

	@Test
	void aFieldConditionWithoutTagsAppliesToEveryPrimitiveFieldItsGuardLetsThrough() {
		// without the guard, 'value > 0' on a string field would fail to evaluate
		Rule positiveInts = fieldRule("positiveInts", RuleKind.CONDITION, RuleMode.WRITE,
				"typeName == 'INT' ; value > 0", Set.of());

		assertThatExceptionOfType(RuleConditionException.class)
			.isThrownBy(() -> apply(contract(null, positiveInts), parcel("a@b", 0), true))
			.satisfies((ex) -> assertThat(ex.fields()).containsExactly("stamps"));
		assertThatExceptionOfType(RuleConditionException.class)
			.isThrownBy(() -> apply(contract(null, positiveInts), parcel("a@b", 1, line("SKU-1", 0)), true))
			.satisfies((ex) -> assertThat(ex.fields()).containsExactly("lines.quantity"));
		assertThat(apply(contract(null, positiveInts), parcel("a@b", 1, line("SKU-1", 2)), true)).isNotNull();
	}

	@Test
	void aFieldRuleSeesTheFieldsNameFullNameTypeTagsAndTheRecordHoldingIt() {
		Rule sees = fieldRule("sees", RuleKind.CONDITION, RuleMode.WRITE,
				"name == 'recipientEmail' ; fullName == 'dev.orderflow.schemaregistry.contracts.Parcel.recipientEmail'"
						+ " && typeName == 'STRING' && tags == ['PII'] && message.stamps == 3",
				Set.of());
		Rule skuOfItsLine = fieldRule("skuOfItsLine", RuleKind.CONDITION, RuleMode.WRITE,
				"name == 'quantity' ; message.sku == 'SKU-' + string(value)", Set.of());

		assertThat(apply(contract(PII, sees, skuOfItsLine), parcel("a@b", 3, line("SKU-2", 2)), true)).isNotNull();
		assertThatExceptionOfType(RuleConditionException.class)
			.isThrownBy(() -> apply(contract(PII, sees), parcel("a@b", 4), true));
		assertThatExceptionOfType(RuleConditionException.class)
			.isThrownBy(() -> apply(contract(PII, skuOfItsLine), parcel("a@b", 3, line("SKU-2", 5)), true))
			.satisfies((ex) -> assertThat(ex.fields()).containsExactly("lines.quantity"));
	}

	@Test
	void aNullableFieldIsVisitedByTheBranchItHolds() {
		Rule noteTypes = fieldRule("noteTypes", RuleKind.CONDITION, RuleMode.WRITE,
				"name == 'note' ; (typeName == 'NULL' && value == null) || (typeName == 'STRING' && value != '')",
				Set.of());
		GenericRecord withNote = parcel("a@b", 1);
		withNote.put("note", "");

		assertThat(apply(contract(null, noteTypes), parcel("a@b", 1), true)).isNotNull();
		assertThatExceptionOfType(RuleConditionException.class)
			.isThrownBy(() -> apply(contract(null, noteTypes), withNote, true))
			.satisfies((ex) -> assertThat(ex.fields()).containsExactly("note"));
	}

	@Test
	void aFieldConditionDoesNotFailOnTheElementsOfAnArrayAsInConfluentsClients() {
		Rule notBlank = fieldRule("notBlank", RuleKind.CONDITION, RuleMode.WRITE, "name == 'labels' ; value != ''",
				Set.of());
		GenericRecord blankLabel = parcel("a@b", 1);
		blankLabel.put("labels", List.of("fragile", ""));

		assertThat(apply(contract(null, notBlank), blankLabel, true)).isNotNull();
	}

	@Test
	void aGuardThatIsFalseOrFailsSkipsTheRuleAndTheSeparatorCanBeTurnedOff() {
		Rule guarded = Rule.condition("guarded", RuleMode.WRITE, "message.stamps > 5 ; message.stamps < 10", "ERROR");
		Rule failingGuard = Rule.condition("failingGuard", RuleMode.WRITE, "1 / (message.stamps - 1) == 1 ; false",
				"ERROR");
		Rule literal = new Rule("literal", null, RuleKind.CONDITION, RuleMode.WRITE, "CEL", null,
				new TreeMap<>(Map.of(CelRules.IGNORE_GUARD_SEPARATOR, "true")), "message.recipientEmail != 'a;b'", null,
				"ERROR", null);

		assertThat(apply(contract(null, guarded), parcel("a@b", 1), true)).isNotNull();
		assertThatExceptionOfType(RuleConditionException.class)
			.isThrownBy(() -> apply(contract(null, guarded), parcel("a@b", 12), true));
		assertThat(apply(contract(null, failingGuard), parcel("a@b", 1), true)).isNotNull();
		assertThatExceptionOfType(RuleConditionException.class)
			.isThrownBy(() -> apply(contract(null, literal), parcel("a;b", 1), true));
	}

	@Test
	void readRulesRunInReverseOrder() {
		Rule first = Rule.condition("first", RuleMode.WRITEREAD, "message.stamps > 5", "ERROR");
		Rule second = Rule.condition("second", RuleMode.WRITEREAD, "message.stamps > 6", "ERROR");

		assertThatExceptionOfType(RuleConditionException.class)
			.isThrownBy(() -> apply(contract(null, first, second), parcel("a@b", 1), true))
			.satisfies((ex) -> assertThat(ex.ruleName()).isEqualTo("first"));
		assertThatExceptionOfType(RuleConditionException.class)
			.isThrownBy(() -> apply(contract(null, first, second), parcel("a@b", 1), false))
			.satisfies((ex) -> assertThat(ex.ruleName()).isEqualTo("second"));
	}

	@Test
	void aCelTransformReplacesTheRecordAndLeavesTheCallersOneAlone() {
		Rule moreStamps = new Rule("moreStamps", null, RuleKind.TRANSFORM, RuleMode.WRITE, "CEL", null, null,
				"{'recipientEmail': message.recipientEmail, 'stamps': message.stamps + 1, 'note': 'checked',"
						+ " 'labels': message.labels, 'lines': message.lines}",
				null, null, null);
		GenericRecord original = parcel("a@b", 1, line("SKU-1", 2));

		GenericRecord transformed = (GenericRecord) apply(contract(null, moreStamps), original, true);

		assertThat(transformed.get("stamps")).isEqualTo(2);
		assertThat(transformed.get("note")).hasToString("checked");
		assertThat(((GenericRecord) ((List<?>) transformed.get("lines")).get(0)).get("quantity")).isEqualTo(2);
		assertThat(original.get("stamps")).isEqualTo(1);
		assertThat(original.get("note")).isNull();
	}

	@Test
	void aTransformThatGivesNoRecordOfTheSchemaBreaksTheRule() {
		Rule notARecord = new Rule("notARecord", null, RuleKind.TRANSFORM, RuleMode.WRITE, "CEL", null, null,
				"{'stamps': 'many'}", null, null, null);
		Rule wrongType = new Rule("wrongType", null, RuleKind.TRANSFORM, RuleMode.WRITE, "CEL_FIELD",
				new TreeSet<>(Set.of("PII")), null, "42", null, null, null);

		assertThatExceptionOfType(RuleConditionException.class)
			.isThrownBy(() -> apply(contract(null, notARecord), parcel("a@b", 1), true))
			.withMessageContaining("Rule 'notARecord' (WRITE TRANSFORM");
		assertThatExceptionOfType(RuleConditionException.class)
			.isThrownBy(() -> apply(contract(PII, wrongType), parcel("a@b", 1), true))
			.withMessageContaining("Rule 'wrongType' (WRITE TRANSFORM")
			.withMessageContaining("recipientEmail");
	}

	@Test
	void onlyTheLastOfTwoFieldTransformsWithTheSameTagsApplies() {
		Rule first = fieldRule("first", RuleKind.TRANSFORM, RuleMode.WRITE, "'first'", Set.of("PII"));
		Rule last = fieldRule("last", RuleKind.TRANSFORM, RuleMode.WRITE, "value + '.last'", Set.of("PII"));

		GenericRecord transformed = (GenericRecord) apply(contract(PII, first, last), parcel("a@b", 1), true);

		assertThat(transformed.get("recipientEmail")).hasToString("a@b.last");
	}

	@Test
	void theSerializerWritesWhatAWriteTransformGivesAndTheDeserializerReturnsWhatAReadTransformGives() {
		Rule mask = fieldRule("maskPii", RuleKind.TRANSFORM, RuleMode.WRITE, "typeName == 'STRING' ; '****'",
				Set.of("PII"));
		Rule tenfold = fieldRule("tenfold", RuleKind.TRANSFORM, RuleMode.READ, "name == 'quantity' ; value * 10",
				Set.of());
		register(contract(PII, mask, tenfold));
		GenericRecord original = parcel("ada@example.org", 1, line("SKU-1", 2));

		byte[] bytes = serializer().serialize(TOPIC, original);
		GenericRecord read = (GenericRecord) deserializer().deserialize(TOPIC, bytes);

		assertThat(read.get("recipientEmail")).hasToString("****");
		assertThat(((GenericRecord) ((List<?>) read.get("lines")).get(0)).get("quantity")).isEqualTo(20);
		assertThat(original.get("recipientEmail")).hasToString("ada@example.org");
	}

	@Test
	void theDeserializerChecksFieldConditionsOnRead() {
		Rule isAnAddress = fieldRule("isAnAddress", RuleKind.CONDITION, RuleMode.READ, "value.contains('@')",
				Set.of("PII"));
		register(contract(PII, isAnAddress));
		byte[] bytes = serializer().serialize(TOPIC, parcel("no-address", 1));

		assertThatExceptionOfType(RuleConditionException.class)
			.isThrownBy(() -> deserializer().deserialize(TOPIC, bytes))
			.withMessageContaining("Rule 'isAnAddress' (READ CONDITION on field recipientEmail)");
	}

	@Test
	void theBuildCheckTypeChecksFieldRulesAgainstEveryRecordTheyApplyTo() {
		Rule fine = fieldRule("fine", RuleKind.CONDITION, RuleMode.WRITE, "typeName == 'INT' ; value > 0", Set.of());
		Rule unknownField = fieldRule("unknownField", RuleKind.CONDITION, RuleMode.WRITE, "message.stampz > 0",
				Set.of("PII"));
		// applies to Line's fields too (no tags), where message has no recipientEmail
		Rule wrongRecord = fieldRule("wrongRecord", RuleKind.CONDITION, RuleMode.WRITE, "message.recipientEmail != ''",
				Set.of());
		Rule badGuard = fieldRule("badGuard", RuleKind.CONDITION, RuleMode.WRITE, "nam == 'x' ; true", Set.of());
		Rule notBool = fieldRule("notBool", RuleKind.CONDITION, RuleMode.WRITE, "name", Set.of());
		Rule transform = fieldRule("transform", RuleKind.TRANSFORM, RuleMode.WRITE, "name", Set.of());

		List<String> problems = CelRules.check(PARCEL,
				contract(PII, fine, unknownField, wrongRecord, badGuard, notBool, transform));

		assertThat(problems).hasSize(4);
		assertThat(problems.get(0))
			.startsWith(
					"rule 'unknownField' does not compile against " + "dev.orderflow.schemaregistry.contracts.Parcel")
			.contains("stampz");
		assertThat(problems.get(1))
			.startsWith("rule 'wrongRecord' does not compile against dev.orderflow.schemaregistry.contracts.Line");
		assertThat(problems.get(2)).startsWith("rule 'badGuard' does not compile").contains("its guard");
		assertThat(problems.get(3)).startsWith("rule 'notBool' does not compile");
	}

	@Test
	void fieldTagPathsArePatternsOverTheRecordsFullOrSimpleName() {
		Schema.Field email = PARCEL.getField("recipientEmail");

		assertThat(FieldTags.of(tags("**.recipientEmail"), PARCEL, email)).containsExactly("PII");
		assertThat(FieldTags.of(tags("Parcel.recipient*"), PARCEL, email)).containsExactly("PII");
		assertThat(FieldTags.of(tags("dev.orderflow.schemaregistry.contracts.Parcel.recipientEmail"), PARCEL, email))
			.containsExactly("PII");
		assertThat(FieldTags.of(tags("*.recipientEmail"), PARCEL, email)).containsExactly("PII");
		assertThat(FieldTags.of(tags("contracts.*.recipientEmail"), PARCEL, email)).isEmpty();
		assertThat(FieldTags.of(tags("Parcel.stamps"), PARCEL, email)).isEmpty();
	}

	private static Metadata tags(String path) {
		return new Metadata(new TreeMap<>(Map.of(path, new TreeSet<>(Set.of("PII")))), null, null);
	}

	private Object apply(DataContract contract, GenericRecord record, boolean write) {
		return this.enforcer.apply(PARCEL, contract, record, write, "Parcel");
	}

	private static Rule fieldRule(String name, RuleKind kind, RuleMode mode, String expr, Set<String> tags) {
		return new Rule(name, null, kind, mode, "CEL_FIELD", new TreeSet<>(tags), null, expr, null, "ERROR", null);
	}

	private static DataContract contract(Metadata metadata, Rule... rules) {
		return new DataContract(metadata, new RuleSet(null, List.of(rules)));
	}

	private static GenericRecord parcel(String email, int stamps, GenericRecord... lines) {
		GenericRecord parcel = new GenericData.Record(PARCEL);
		parcel.put("recipientEmail", email);
		parcel.put("stamps", stamps);
		parcel.put("labels", List.of("fragile"));
		parcel.put("lines", List.of(lines));
		return parcel;
	}

	private static GenericRecord line(String sku, int quantity) {
		GenericRecord line = new GenericData.Record(LINE);
		line.put("sku", sku);
		line.put("quantity", quantity);
		return line;
	}

	private void register(DataContract contract) {
		this.registry.register(TOPIC + "-value", PARCEL.toString(), false, contract);
	}

	private KafkaAvroSerializer serializer() {
		Map<String, Object> configs = new HashMap<>();
		configs.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + this.scope);
		configs.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
		configs.put(AvroSerdeConfig.USE_LATEST_VERSION, true);
		KafkaAvroSerializer serializer = new KafkaAvroSerializer();
		serializer.configure(configs, false);
		return serializer;
	}

	private KafkaAvroDeserializer deserializer() {
		KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
		deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + this.scope), false);
		return deserializer;
	}

}
