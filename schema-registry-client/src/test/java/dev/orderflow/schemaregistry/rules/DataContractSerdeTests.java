package dev.orderflow.schemaregistry.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.Map;
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
 * The serializer registers the rules kept beside a schema and refuses a record that
 * breaks a WRITE rule before it leaves the producer; the deserializer checks READ rules.
 * {@code Letter.rules.json} (test resources) holds the fixture's contract.
 */
class DataContractSerdeTests {

	private static final String TOPIC = "letters";

	private static final Schema LETTER = SchemaBuilder.record("Letter")
		.namespace("dev.orderflow.schemaregistry.contracts")
		.fields()
		.requiredString("recipientEmail")
		.requiredInt("stamps")
		.endRecord();

	private final String scope = "contracts-" + UUID.randomUUID();

	private final MockSchemaRegistryClient registry = MockSchemaRegistry.getClientForScope(this.scope);

	@AfterEach
	void dropRegistry() {
		MockSchemaRegistry.dropScope(this.scope);
	}

	@Test
	void registersTheRulesKeptBesideTheSchemaWithIt() {
		byte[] bytes = serializer(Map.of()).serialize(TOPIC, letter("ada@example.org", 2));

		int id = java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt();
		DataContract contract = this.registry.getDataContract(id);
		assertThat(contract.ruleSet().domainRules()).extracting(Rule::name)
			.containsExactly("stampsArePositive", "recipientEmailIsAnAddress");
		assertThat(contract.metadata().tags()).containsEntry("Letter.recipientEmail",
				new java.util.TreeSet<>(List.of("PII")));
	}

	@Test
	void refusesARecordBreakingAWriteRuleNamingTheRuleAndTheField() {
		KafkaAvroSerializer serializer = serializer(Map.of());

		assertThatExceptionOfType(RuleConditionException.class)
			.isThrownBy(() -> serializer.serialize(TOPIC, letter("ada@example.org", 0)))
			.withMessageContaining("Rule 'stampsArePositive'")
			.withMessageContaining("field stamps")
			.withMessageNotContaining("ada@example.org")
			.satisfies((ex) -> {
				assertThat(ex.ruleName()).isEqualTo("stampsArePositive");
				assertThat(ex.fields()).containsExactly("stamps");
				assertThat(ex.action()).isEqualTo("ERROR");
			});
	}

	@Test
	void writesARecordThatKeepsEveryRule() {
		byte[] bytes = serializer(Map.of()).serialize(TOPIC, letter("ada@example.org", 1));

		GenericRecord read = (GenericRecord) deserializer(Map.of()).deserialize(TOPIC, bytes);
		assertThat(read.get("stamps")).isEqualTo(1);
	}

	@Test
	void aConsumerRefusesWhatAProducerWithoutRulesWroteAndTheRuleAsksForADeadLetter() {
		byte[] bytes = serializer(Map.of(KafkaAvroSerializer.RULES_ENABLED, "false")).serialize(TOPIC,
				letter("not-an-address", 1));

		assertThatExceptionOfType(RuleConditionException.class)
			.isThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, bytes))
			.withMessageContaining("Rule 'recipientEmailIsAnAddress' (READ CONDITION on field recipientEmail)")
			.withMessageNotContaining("not-an-address")
			.satisfies((ex) -> assertThat(ex.action()).isEqualTo("DLQ"));
		// the same rule on write asks for an error
		assertThatExceptionOfType(RuleConditionException.class)
			.isThrownBy(() -> serializer(Map.of()).serialize(TOPIC, letter("not-an-address", 1)))
			.satisfies((ex) -> assertThat(ex.action()).isEqualTo("ERROR"));
	}

	@Test
	void aDisabledRuleOrOneWhoseActionIsNoneLetsTheRecordPass() {
		Rule off = new Rule("off", null, RuleKind.CONDITION, RuleMode.WRITE, "CEL", null, null, "message.stamps > 100",
				null, null, true);
		Rule none = Rule.condition("none", RuleMode.WRITE, "message.stamps > 100", "NONE");
		RuleSet rules = new RuleSet(null, List.of(off, none));

		assertThat(new RuleEnforcer().check(LETTER, rules, letter("a@b", 1), true, "Letter")).isEmpty();
	}

	@Test
	void typeChecksEveryRuleAgainstItsSchemaNamingTheOneThatDoesNotCompile() {
		RuleSet rules = new RuleSet(null,
				List.of(Rule.condition("fine", RuleMode.WRITE, "message.stamps >= 1", "ERROR"),
						Rule.condition("unknownField", RuleMode.WRITE, "message.stampz >= 1", "ERROR"),
						Rule.condition("wrongType", RuleMode.WRITE, "message.recipientEmail > 3", "ERROR")));

		List<String> problems = CelRules.check(LETTER, rules);

		assertThat(problems).hasSize(2);
		assertThat(problems.get(0)).startsWith("rule 'unknownField' does not compile")
			.contains("undefined field 'stampz'");
		assertThat(problems.get(1)).startsWith("rule 'wrongType' does not compile");
	}

	private static GenericRecord letter(String email, int stamps) {
		GenericRecord letter = new GenericData.Record(LETTER);
		letter.put("recipientEmail", email);
		letter.put("stamps", stamps);
		return letter;
	}

	private KafkaAvroSerializer serializer(Map<String, Object> extra) {
		Map<String, Object> configs = new java.util.HashMap<>(extra);
		configs.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + this.scope);
		KafkaAvroSerializer serializer = new KafkaAvroSerializer();
		serializer.configure(configs, false);
		return serializer;
	}

	private KafkaAvroDeserializer deserializer(Map<String, Object> extra) {
		Map<String, Object> configs = new java.util.HashMap<>(extra);
		configs.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + this.scope);
		KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
		deserializer.configure(configs, false);
		return deserializer;
	}

}
