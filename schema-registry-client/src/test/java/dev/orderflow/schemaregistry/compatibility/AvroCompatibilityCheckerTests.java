package dev.orderflow.schemaregistry.compatibility;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaBuilder.FieldAssembler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class AvroCompatibilityCheckerTests {

	private static final Schema V1 = record((fields) -> fields.requiredString("orderId"));

	@Test
	void backwardAcceptsAddedFieldWithDefault() {
		Schema v2 = record(
				(fields) -> fields.requiredString("orderId").name("email").type().stringType().stringDefault(""));

		assertThat(AvroCompatibilityChecker.check(CompatibilityLevel.BACKWARD, v2, List.of(V1))).isEmpty();
	}

	@Test
	void backwardRefusesAddedFieldWithoutDefault() {
		Schema v2 = record((fields) -> fields.requiredString("orderId").requiredString("email"));

		assertThat(AvroCompatibilityChecker.check(CompatibilityLevel.BACKWARD, v2, List.of(V1))).singleElement()
			.asString()
			.contains("new schema cannot read data written with version 1", "READER_FIELD_MISSING_DEFAULT_VALUE",
					"email");
	}

	@Test
	void backwardAcceptsRemovedField() {
		Schema v1 = record((fields) -> fields.requiredString("orderId").requiredString("email"));

		assertThat(AvroCompatibilityChecker.check(CompatibilityLevel.BACKWARD, V1, List.of(v1))).isEmpty();
	}

	@Test
	void forwardRefusesRemovedFieldWithoutDefault() {
		Schema v1 = record((fields) -> fields.requiredString("orderId").requiredString("email"));

		assertThat(AvroCompatibilityChecker.check(CompatibilityLevel.FORWARD, V1, List.of(v1))).singleElement()
			.asString()
			.contains("version 1 cannot read data written with the new schema", "email");
	}

	@Test
	void forwardAcceptsRemovedFieldThatHadDefault() {
		Schema v1 = record(
				(fields) -> fields.requiredString("orderId").name("email").type().stringType().stringDefault(""));

		assertThat(AvroCompatibilityChecker.check(CompatibilityLevel.FORWARD, V1, List.of(v1))).isEmpty();
	}

	@Test
	void forwardAcceptsAddedFieldWithoutDefault() {
		Schema v2 = record((fields) -> fields.requiredString("orderId").requiredString("email"));

		assertThat(AvroCompatibilityChecker.check(CompatibilityLevel.FORWARD, v2, List.of(V1))).isEmpty();
	}

	@Test
	void fullRefusesWhatEitherDirectionRefuses() {
		Schema withoutDefault = record((fields) -> fields.requiredString("orderId").requiredString("email"));
		Schema withDefault = record(
				(fields) -> fields.requiredString("orderId").name("email").type().stringType().stringDefault(""));

		assertThat(AvroCompatibilityChecker.check(CompatibilityLevel.FULL, withoutDefault, List.of(V1))).isNotEmpty();
		assertThat(AvroCompatibilityChecker.check(CompatibilityLevel.FULL, withDefault, List.of(V1))).isEmpty();
	}

	@Test
	void nonTransitiveChecksOnlyLatestVersion() {
		// v2 added 'email' with a default, v3 makes it required: v3 reads v2 data, not v1
		// data
		Schema v2 = record(
				(fields) -> fields.requiredString("orderId").name("email").type().stringType().stringDefault(""));
		Schema v3 = record((fields) -> fields.requiredString("orderId").requiredString("email"));

		assertThat(AvroCompatibilityChecker.check(CompatibilityLevel.BACKWARD, v3, List.of(V1, v2))).isEmpty();
	}

	@Test
	void transitiveChecksEveryVersionNamingIt() {
		Schema v2 = record(
				(fields) -> fields.requiredString("orderId").name("email").type().stringType().stringDefault(""));
		Schema v3 = record((fields) -> fields.requiredString("orderId").requiredString("email"));

		assertThat(AvroCompatibilityChecker.check(CompatibilityLevel.BACKWARD_TRANSITIVE, v3, List.of(V1, v2)))
			.singleElement()
			.asString()
			.contains("new schema cannot read data written with version 1", "email");
	}

	@Test
	void namesTheVersionNumbersItIsGiven() {
		// As a registry checks "latest" (version 2 alone) or live versions after version
		// 2 was deleted
		Schema v2 = record(
				(fields) -> fields.requiredString("orderId").name("email").type().stringType().stringDefault(""));
		Schema v3 = record(
				(fields) -> fields.requiredString("orderId").requiredString("email").requiredString("phone"));

		assertThat(AvroCompatibilityChecker.check(CompatibilityLevel.BACKWARD, v3, new TreeMap<>(Map.of(2, v2))))
			.singleElement()
			.asString()
			.contains("new schema cannot read data written with version 2", "phone")
			.doesNotContain("version 1");
		assertThat(AvroCompatibilityChecker.check(CompatibilityLevel.BACKWARD_TRANSITIVE, v3,
				new TreeMap<>(Map.of(1, V1, 3, v2))))
			.allSatisfy((message) -> assertThat(message).containsAnyOf("version 1:", "version 3:"))
			.anySatisfy((message) -> assertThat(message).contains("version 1:"))
			.anySatisfy((message) -> assertThat(message).contains("version 3:"));
	}

	@Test
	void forwardTransitiveChecksEveryVersion() {
		// v1 had 'email' required, v2 gave it a default, v3 drops it: v2 reads v3 data,
		// v1 does not
		Schema v1 = record((fields) -> fields.requiredString("orderId").requiredString("email"));
		Schema v2 = record(
				(fields) -> fields.requiredString("orderId").name("email").type().stringType().stringDefault(""));

		assertThat(AvroCompatibilityChecker.check(CompatibilityLevel.FORWARD, V1, List.of(v1, v2))).isEmpty();
		assertThat(AvroCompatibilityChecker.check(CompatibilityLevel.FORWARD_TRANSITIVE, V1, List.of(v1, v2)))
			.singleElement()
			.asString()
			.contains("version 1 cannot read data written with the new schema");
	}

	@ParameterizedTest
	@EnumSource(CompatibilityLevel.class)
	void acceptsAnythingAsFirstVersion(CompatibilityLevel level) {
		Schema unrelated = SchemaBuilder.builder().stringType();

		assertThat(AvroCompatibilityChecker.check(level, unrelated, List.of())).isEmpty();
	}

	@Test
	void noneAcceptsAnyChange() {
		Schema unrelated = SchemaBuilder.builder().stringType();

		assertThat(AvroCompatibilityChecker.check(CompatibilityLevel.NONE, unrelated, List.of(V1))).isEmpty();
		assertThat(AvroCompatibilityChecker.check(CompatibilityLevel.BACKWARD, unrelated, List.of(V1))).isNotEmpty();
	}

	@Test
	void parsesLevelsAsConfluentSpellsThem() {
		assertThat(CompatibilityLevel.parse(" full_transitive ")).contains(CompatibilityLevel.FULL_TRANSITIVE);
		assertThat(CompatibilityLevel.parse("sideways")).isEmpty();
		assertThat(CompatibilityLevel.parse(null)).isEmpty();
	}

	private static Schema record(java.util.function.Function<FieldAssembler<Schema>, FieldAssembler<Schema>> fields) {
		return fields.apply(SchemaBuilder.record("OrderPlaced").namespace("dev.orderflow.events").fields()).endRecord();
	}

}
