package dev.orderflow.systemtests;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.orderflow.devstack.LocalStack;

/**
 * The labs whose lab-run blocks share one plain stack: each leaves the stack as the next
 * one expects it (lab 03 registers version 2 of OrderPlaced, which changes nothing for
 * the services; lab 04 stops the second instance it started). Lab 05 comes last: it kills
 * services and starts them again with {@code ./orderflow up -d}, so no lab after it sees
 * a half-restarted stack.
 * <p>
 * The stack is the {@link SharedStack}, after the classes that only look at it: a learner
 * too starts the labs on a stack that has seen other orders, and the build saves a stop
 * and a start of a whole stack (37 s in the classes' times on 2026-12-03). This class is
 * the shared stack's last user: lab 05 leaves services that the stack did not start, so
 * the stack ends with this class.
 */
@Order(6) // last on the shared stack, after BenchSmokeSystemTest
@ExtendWith(SharedStack.class)
@Timeout(value = 14, unit = TimeUnit.MINUTES)
class LabDocsSystemTest extends LabDocs {

	@Override
	LocalStack stack() {
		return SharedStack.get();
	}

	@Override
	void release(LocalStack stack) {
		SharedStack.stop();
	}

	@Override
	List<String> labs() {
		return List.of("01-follow-an-order.md", "02-dead-letters.md", "03-schema-evolution.md",
				"04-scaling-consumers.md", "06-metrics-and-traces.md", "05-outbox-recovery.md");
	}

	@Override
	String stackName() {
		return "shared-stack";
	}

	/**
	 * Lab 05's step 4 starts two services and waits for them: on two busy cores that
	 * takes a while.
	 */
	@Override
	long blockTimeoutSeconds() {
		return 180;
	}

}
