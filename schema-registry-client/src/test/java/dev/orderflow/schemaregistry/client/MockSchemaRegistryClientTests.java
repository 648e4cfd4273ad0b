package dev.orderflow.schemaregistry.client;

import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.orderflow.schemaregistry.compatibility.CompatibilityLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MockSchemaRegistryClientTests {

	private static final String SUBJECT = "orders-dev.orderflow.events.OrderPlaced";

	private final String scope = "mock-" + UUID.randomUUID();

	private final SchemaRegistryClient registry = SchemaRegistryClients.create("mock://" + this.scope);

	@AfterEach
	void dropRegistry() {
		MockSchemaRegistry.dropScope(this.scope);
	}

	@Test
	void sharesOneRegistryPerScope() {
		int id = this.registry.register(SUBJECT, v1().toString());

		assertThat(SchemaRegistryClients.create("mock://" + this.scope).getSchemaById(id)).isEqualTo(v1().toString());
		assertThat(SchemaRegistryClients.create("mock://other-" + this.scope).getAllSubjects()).isEmpty();
	}

	@Test
	void givesSameSchemaSameIdAcrossSubjects() {
		int first = this.registry.register(SUBJECT, v1().toString());
		int again = this.registry.register(SUBJECT, v1().toString(true));
		int elsewhere = this.registry.register("other-subject", v1().toString());

		assertThat(again).isEqualTo(first);
		assertThat(elsewhere).isEqualTo(first);
		assertThat(this.registry.getAllVersions(SUBJECT)).containsExactly(1);
		assertThat(this.registry.getSchemaMetadata("other-subject", 1).id()).isEqualTo(first);
	}

	@Test
	void numbersVersionsPerSubjectWithGlobalIds() {
		int first = this.registry.register(SUBJECT, v1().toString());
		int second = this.registry.register(SUBJECT, v2WithDefault().toString());

		SchemaMetadata latest = this.registry.getLatestSchemaMetadata(SUBJECT);
		assertThat(second).isGreaterThan(first);
		assertThat(latest).isEqualTo(new SchemaMetadata(second, 2, SUBJECT, v2WithDefault().toString()));
		assertThat(this.registry.lookup(SUBJECT, v1().toString(), false).version()).isEqualTo(1);
	}

	@Test
	void enforcesBackwardCompatibilityByDefault() {
		this.registry.register(SUBJECT, v1().toString());

		assertThat(this.registry.getCompatibility(SUBJECT)).isEqualTo(CompatibilityLevel.BACKWARD);
		assertThat(this.registry.testCompatibility(SUBJECT, v2WithoutDefault().toString())).isFalse();
		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> this.registry.register(SUBJECT, v2WithoutDefault().toString()))
			.satisfies((ex) -> assertThat(ex.httpStatus()).isEqualTo(409))
			.withMessageContaining("customerEmail");
	}

	@Test
	void followsSubjectCompatibilityLevel() {
		this.registry.register(SUBJECT, v1().toString());
		this.registry.updateCompatibility(SUBJECT, CompatibilityLevel.NONE);

		this.registry.register(SUBJECT, v2WithoutDefault().toString());

		assertThat(this.registry.getAllVersions(SUBJECT)).containsExactly(1, 2);
		assertThat(this.registry.getCompatibility(null)).isEqualTo(CompatibilityLevel.BACKWARD);
	}

	@Test
	void answersConfluentErrorCodes() {
		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> this.registry.getLatestSchemaMetadata("nope"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> this.registry.getSchemaById(999))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> this.registry.register(SUBJECT, "{not avro"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(SchemaRegistryException.INVALID_SCHEMA));
	}

	private static Schema v1() {
		return SchemaBuilder.record("OrderPlaced")
			.namespace("dev.orderflow.events")
			.fields()
			.requiredString("orderId")
			.endRecord();
	}

	private static Schema v2WithDefault() {
		return SchemaBuilder.record("OrderPlaced")
			.namespace("dev.orderflow.events")
			.fields()
			.requiredString("orderId")
			.name("customerEmail")
			.type()
			.stringType()
			.stringDefault("")
			.endRecord();
	}

	private static Schema v2WithoutDefault() {
		return SchemaBuilder.record("OrderPlaced")
			.namespace("dev.orderflow.events")
			.fields()
			.requiredString("orderId")
			.requiredString("customerEmail")
			.endRecord();
	}

}
