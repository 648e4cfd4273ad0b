package dev.orderflow.systemtests;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.orderflow.devstack.LocalStack;

/**
 * The saga's delivery guarantees under faults, on the packaged stack: 2,000 orders while
 * order-service and inventory-service are each SIGKILLed once and the broker is
 * restarted, with poison pills on both topics. Afterwards every accepted order is
 * settled, none is confirmed twice, stock adds up per SKU, nobody gets an e-mail twice
 * and the dead letters hold exactly the pills. The figures are printed, then asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(7) // first on the fault stack, after the classes on the shared stack
@ExtendWith(FaultStack.class)
class FaultToleranceSystemTest {

	private static final int TOTAL_ORDERS = 2000;

	private LocalStack stack;

	@BeforeAll
	void startStack() {
		this.stack = FaultStack.get();
	}

	@Test
	void everyAcceptedOrderSettlesExactlyOnceThroughCrashesAndABrokerRestart() throws Exception {
		SagaFaultRun run = new SagaFaultRun("fault", this.stack, List.of(8080), 8082)
			.pills("orders", 3, SagaTopics::notAvro)
			.pills("inventory", 2, (key) -> SagaTopics.unknownSchemaId());
		FaultPlan faults = new FaultPlan()
			.at(TOTAL_ORDERS / 10, "3 not-Avro pills -> orders", () -> run.inject("orders"))
			.at(TOTAL_ORDERS * 15 / 100, "2 unknown-schema pills -> inventory", () -> run.inject("inventory"))
			.at(TOTAL_ORDERS / 4, "SIGKILL + restart order-service", () -> run.killAndRestart("order-service"))
			.at(TOTAL_ORDERS / 2, "SIGKILL + restart inventory-service", () -> run.killAndRestart("inventory-service"))
			.at(TOTAL_ORDERS * 3 / 4, "restart the broker", run::restartBroker);

		run.execute(TOTAL_ORDERS, faults, 8, 30).printAndAssert();
	}

}
