package dev.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.orderflow.events.OrderPlaced;
import dev.orderflow.schemaregistry.rules.ClasspathDataContracts;
import dev.orderflow.schemaregistry.rules.Rule;

/**
 * OrderPlaced's contract (events/src/main/avro/OrderPlaced.rules.json) states
 * order-service's own cap: when one changes, the other must, or the outbox sets valid
 * orders aside (or lets invalid ones through to inventory).
 */
class OrderPlacedContractTest {

	@Test
	void theContractsQuantityCapIsTheOneOrderServiceEnforces() {
		Rule cap = ClasspathDataContracts.of(OrderPlaced.getClassSchema())
			.ruleSet()
			.domainRules()
			.stream()
			.filter((rule) -> rule.name().equals("lineQuantityWithinCap"))
			.findFirst()
			.orElseThrow();

		assertThat(cap.expr()).contains("line.quantity >= 1", "line.quantity <= " + OrderLine.MAX_QUANTITY + ")");
	}

}
