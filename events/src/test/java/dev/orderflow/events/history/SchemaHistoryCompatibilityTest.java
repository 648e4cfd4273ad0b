package dev.orderflow.events.history;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.orderflow.events.history.SchemaHistory.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's schema evolution gate: fails {@code ./mvnw verify} when a current event
 * schema in {@code src/main/avro} breaks its subject's compatibility level against the
 * released versions in {@code src/main/schema-history}, lacks history, or breaks the
 * event rules.
 */
class SchemaHistoryCompatibilityTest {

	static final Path AVRO = Path.of("src/main/avro");

	static final Path HISTORY = Path.of("src/main/schema-history");

	private static EventSchemas schemas;

	private static SchemaHistory history;

	@BeforeAll
	static void load() throws IOException {
		schemas = EventSchemas.load(AVRO);
		history = SchemaHistory.load(HISTORY);
	}

	@Test
	void everyEventSchemaIsCompatibleWithItsReleasedVersions() {
		List<Verdict> verdicts = schemas.events()
			.entrySet()
			.stream()
			.map((event) -> history.check(EventSchemas.subjectOf(event.getValue()), event.getValue(),
					event.getKey().toString()))
			.toList();

		// a compatible candidate passes, but must be added to the history when it is
		// released
		verdicts.stream()
			.filter((verdict) -> verdict.outcome() == SchemaHistory.Outcome.CANDIDATE)
			.forEach((verdict) -> System.out.println("NOTE: " + verdict.message()));
		assertThat(verdicts).as("event schemas that break their released history (see events/README.md)")
			.isNotEmpty()
			.filteredOn((verdict) -> verdict.outcome().fails())
			.extracting(Verdict::message)
			.isEmpty();
	}

	@Test
	void historyIsSound() {
		assertThat(history.problems()).isEmpty();
	}

	@Test
	void everyEventHasDocsAndTheEnvelopeFields() {
		assertThat(schemas.events().values()).flatExtracting(EventSchemas::contractProblems).isEmpty();
		assertThat(schemas.all().values()).allSatisfy(
				(schema) -> assertThat(EventSchemas.contractProblems(schema)).noneMatch((p) -> p.contains("no doc")));
	}

	@Test
	void everyGeneratedEventHasTypedEnvelope() throws ReflectiveOperationException {
		for (Schema event : schemas.events().values()) {
			Class<?> type = Class.forName(event.getFullName());
			assertThat(returnType(type, "getEventId")).as(event.getName() + ".eventId").isEqualTo(UUID.class);
			assertThat(returnType(type, "getOrderId")).as(event.getName() + ".orderId").isEqualTo(String.class);
			assertThat(returnType(type, "getOccurredAt")).as(event.getName() + ".occurredAt").isEqualTo(Instant.class);
		}
	}

	@Test
	void knowsTheSubjectsOfTheSaga() {
		Map<Path, Schema> events = schemas.events();

		assertThat(events.values()).extracting(EventSchemas::subjectOf)
			.containsExactlyInAnyOrder("orders-dev.orderflow.events.OrderPlaced",
					"orders-dev.orderflow.events.OrderCancelled", "orders-dev.orderflow.events.OrderConfirmed",
					"orders-dev.orderflow.events.OrderRejected", "inventory-dev.orderflow.events.StockReserved",
					"inventory-dev.orderflow.events.StockRejected", "inventory-dev.orderflow.events.StockReleased");
	}

	private static Class<?> returnType(Class<?> type, String getter) throws NoSuchMethodException {
		Method method = type.getMethod(getter);
		return method.getReturnType();
	}

}
