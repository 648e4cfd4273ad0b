package dev.orderflow.events.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import dev.orderflow.events.OrderPlaced;
import dev.orderflow.schemaregistry.rules.ClasspathDataContracts;
import dev.orderflow.schemaregistry.rules.DataContract;

/**
 * Fails {@code ./mvnw verify} when an event's rules do not compile against its schema
 * (naming the rule), when an event has no contract, or tags a field it does not have; and
 * proves the contracts reach the classpath beside the generated classes, where the
 * serializer finds them.
 */
class EventContractsTest {

	private static final Path AVRO = Path.of("src/main/avro");

	@Test
	void everyEventsRulesCompileAgainstItsSchema() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Map.Entry<Path, Schema> event : EventSchemas.load(AVRO).events().entrySet()) {
			problems.addAll(EventContracts.check(event.getValue(), EventContracts.contractFile(event.getKey())));
		}
		assertThat(problems).as("data contracts that are broken (see events/README.md)").isEmpty();
	}

	@Test
	void aRuleThatDoesNotCompileFailsTheCheckWithItsName() throws IOException {
		Schema orderPlaced = OrderPlaced.getClassSchema();

		List<String> problems = EventContracts.check(orderPlaced,
				Path.of("src/test/resources/rules-check/OrderPlaced-broken.rules.json"));

		assertThat(problems).hasSize(2);
		assertThat(problems.get(0)).contains(
				"rule 'quantityIsText' does not compile against dev.orderflow.events.OrderPlaced",
				"found no matching overload");
		assertThat(problems.get(1)).contains("rule 'misspelledField' does not compile",
				"undefined field 'customerMail'");
	}

	@Test
	void aFieldRuleIsCheckedAgainstEveryRecordHoldingAFieldItAppliesTo() throws IOException {
		List<String> problems = EventContracts.check(OrderPlaced.getClassSchema(),
				Path.of("src/test/resources/rules-check/OrderPlaced-broken-field.rules.json"));

		assertThat(problems).hasSize(2);
		assertThat(problems.get(0)).contains(
				"rule 'piiMisspelledField' does not compile against dev.orderflow.events.OrderPlaced",
				"undefined field 'customerMail'");
		// a rule without tags applies to OrderLine's fields too, whose record has no
		// customerEmail
		assertThat(problems.get(1)).contains(
				"rule 'everyFieldReadsTheEmail' does not compile against dev.orderflow.events.OrderLine",
				"undefined field 'customerEmail'");
	}

	@Test
	void aTagOnAFieldTheEventDoesNotHaveFailsTheCheck() throws IOException {
		List<String> problems = EventContracts.check(OrderPlaced.getClassSchema(),
				Path.of("src/test/resources/rules-check/OrderPlaced-bad-tag.rules.json"));

		assertThat(problems).singleElement().asString().contains("tag path 'OrderPlaced.email' names no field");
	}

	@Test
	void theContractsArePackagedBesideTheGeneratedClasses() {
		DataContract contract = ClasspathDataContracts.of(OrderPlaced.getClassSchema());

		assertThat(contract.ruleSet().domainRules()).extracting("name")
			.contains("orderIdIsAUuid", "linesNotEmpty", "lineQuantityWithinCap", "customerEmailIsAnAddress");
		assertThat(contract.metadata().tags()).containsKey("OrderPlaced.customerEmail");
	}

}
