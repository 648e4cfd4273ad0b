package dev.orderflow.events.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orderflow.events.history.SchemaHistory.Outcome;
import dev.orderflow.events.history.SchemaHistory.Verdict;

import static dev.orderflow.events.history.SchemaHistoryCompatibilityTest.AVRO;
import static dev.orderflow.events.history.SchemaHistoryCompatibilityTest.HISTORY;
import static org.assertj.core.api.Assertions.assertThat;

/** Proves the schema history check refuses what it must, with a message that says why. */
class SchemaHistoryTest {

	private static final String ORDER_PLACED = "orders-dev.orderflow.events.OrderPlaced";

	private static final Path BROKEN = Path.of("src/test/resources/schema-history-check");

	@TempDir
	Path temp;

	@Test
	void refusesAddedRequiredFieldUnderBackward() throws IOException {
		Verdict verdict = SchemaHistory.load(HISTORY)
			.check(ORDER_PLACED, broken("OrderPlaced-adds-required-field.avsc"),
					"OrderPlaced-adds-required-field.avsc");

		assertThat(verdict.outcome()).isEqualTo(Outcome.INCOMPATIBLE);
		assertThat(verdict.message()).contains("Schema of subject '" + ORDER_PLACED + "'",
				"is not BACKWARD compatible with its released version v1",
				"new schema cannot read data written with version 1", "READER_FIELD_MISSING_DEFAULT_VALUE",
				"loyaltyTier");
	}

	@Test
	void refusesRemovedFieldUnderForward() throws IOException {
		Path history = historyWithLevels(ORDER_PLACED + "=FORWARD");

		Verdict verdict = SchemaHistory.load(history)
			.check(ORDER_PLACED, broken("OrderPlaced-removes-customer-id.avsc"),
					"OrderPlaced-removes-customer-id.avsc");

		assertThat(verdict.outcome()).isEqualTo(Outcome.INCOMPATIBLE);
		assertThat(verdict.message()).contains(ORDER_PLACED, "is not FORWARD compatible with its released version v1",
				"version 1 cannot read data written with the new schema", "customerId");
	}

	@Test
	void acceptsRemovedFieldUnderBackwardAsCandidate() throws IOException {
		Verdict verdict = SchemaHistory.load(HISTORY)
			.check(ORDER_PLACED, broken("OrderPlaced-removes-customer-id.avsc"),
					"OrderPlaced-removes-customer-id.avsc");

		assertThat(verdict.outcome()).isEqualTo(Outcome.CANDIDATE);
	}

	@Test
	void asksToReleaseCompatibleCandidateAsNextVersion() throws IOException {
		Verdict verdict = SchemaHistory.load(HISTORY)
			.check(ORDER_PLACED, broken("OrderPlaced-adds-optional-field.avsc"),
					"OrderPlaced-adds-optional-field.avsc");

		assertThat(verdict.outcome()).isEqualTo(Outcome.CANDIDATE);
		assertThat(verdict.outcome().fails()).isFalse();
		assertThat(verdict.message()).contains("differs from released version v1", "add it as",
				ORDER_PLACED + "/v2.avsc");
	}

	@Test
	void checksTransitiveLevelsAgainstEveryVersion() throws IOException {
		Path history = historyWithLevels(ORDER_PLACED + "=FULL_TRANSITIVE");
		Path subject = history.resolve(ORDER_PLACED);
		Files.writeString(subject.resolve("v2.avsc"), broken("OrderPlaced-adds-optional-field.avsc").toString(true));

		Verdict verdict = SchemaHistory.load(history)
			.check(ORDER_PLACED, broken("OrderPlaced-adds-required-field.avsc"),
					"OrderPlaced-adds-required-field.avsc");

		assertThat(verdict.outcome()).isEqualTo(Outcome.INCOMPATIBLE);
		assertThat(verdict.message()).contains("is not FULL_TRANSITIVE compatible with its released versions v1..v2",
				"written with version 1", "written with version 2");
	}

	@Test
	void refusesSubjectWithoutHistory() throws IOException {
		Verdict verdict = SchemaHistory.load(this.temp)
			.check(ORDER_PLACED, current("OrderPlaced.avsc"), "OrderPlaced.avsc");

		assertThat(verdict.outcome()).isEqualTo(Outcome.NO_HISTORY);
		assertThat(verdict.message()).contains("has no released version", ORDER_PLACED + "/v1.avsc");
	}

	@Test
	void reportsGapsInVersions() throws IOException {
		Path history = historyWithLevels();
		Path subject = history.resolve(ORDER_PLACED);
		Files.copy(subject.resolve("v1.avsc"), subject.resolve("v3.avsc"));

		assertThat(SchemaHistory.load(history).problems()).singleElement()
			.asString()
			.contains("has v3.avsc but no v2.avsc");
	}

	@Test
	void reportsReleasedVersionThatBreaksItsLevel() throws IOException {
		Path history = historyWithLevels();
		Files.writeString(history.resolve(ORDER_PLACED).resolve("v2.avsc"),
				broken("OrderPlaced-adds-required-field.avsc").toString(true));

		assertThat(SchemaHistory.load(history).problems()).singleElement()
			.asString()
			.contains("Released v2 of subject '" + ORDER_PLACED + "' is not BACKWARD compatible", "loyaltyTier");
	}

	@Test
	void reportsUnknownLevelsAndSubjects() throws IOException {
		Path history = historyWithLevels(ORDER_PLACED + "=SIDEWAYS", "orders-dev.orderflow.events.Typo=FULL");

		assertThat(SchemaHistory.load(history).problems()).hasSize(2)
			.anySatisfy((problem) -> assertThat(problem).contains("'SIDEWAYS'", "not a compatibility level"))
			.anySatisfy(
					(problem) -> assertThat(problem).contains("orders-dev.orderflow.events.Typo", "has no directory"));
	}

	@Test
	void refusesFieldsWithoutDocAndWrongEnvelope() {
		Schema event = SchemaBuilder.record("OrderShipped")
			.namespace("dev.orderflow.events")
			.doc("Shipped.")
			.fields()
			.name("eventId")
			.doc("Id.")
			.type()
			.stringType()
			.noDefault()
			.name("orderId")
			.doc("Order.")
			.type()
			.stringType()
			.noDefault()
			.name("carrier")
			.type()
			.stringType()
			.noDefault()
			.endRecord();

		assertThat(EventSchemas.contractProblems(event)).containsExactlyInAnyOrder(
				"field OrderShipped.carrier has no doc",
				"OrderShipped.eventId must be string with logicalType uuid, is \"string\"",
				"OrderShipped has no field 'occurredAt'");
	}

	private Path historyWithLevels(String... levels) throws IOException {
		Path copy = this.temp.resolve("history");
		try (Stream<Path> subjects = Files.list(HISTORY)) {
			for (Path subject : subjects.filter(Files::isDirectory).toList()) {
				Path target = Files.createDirectories(copy.resolve(subject.getFileName().toString()));
				Files.copy(subject.resolve("v1.avsc"), target.resolve("v1.avsc"));
			}
		}
		Files.write(copy.resolve(SchemaHistory.LEVELS_FILE), List.of(levels));
		return copy;
	}

	private static Schema broken(String file) throws IOException {
		return EventSchemas.parse(List.of(BROKEN.resolve(file)), List.of(current("OrderLine.avsc")))
			.schemaOf(BROKEN.resolve(file));
	}

	private static Schema current(String file) throws IOException {
		return EventSchemas.load(AVRO).schemaOf(AVRO.resolve(file));
	}

}
