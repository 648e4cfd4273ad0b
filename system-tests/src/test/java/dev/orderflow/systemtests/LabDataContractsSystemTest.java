package dev.orderflow.systemtests;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;

/**
 * Lab 09, run twice on one stack: a learner repeats a lab, and its second run must show
 * what the first did (the registry answers the same registration with the same version,
 * the blocks follow the order they sent, not every dead letter there is).
 * <p>
 * It keeps a stack of its own rather than the {@link SharedStack}, which is only for
 * classes that leave it as they found it: the lab leaves a new version of OrderPlaced
 * with a stricter rule as the subject's latest (a producer writing with the latest
 * version then refuses 11 units), and dead letters in inventory- and
 * notification-service's orders.DLT, which no API removes (a DLT is a topic; its records
 * stay until retention).
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class LabDataContractsSystemTest extends LabDocs {

	private static final String LAB = "09-data-contracts.md";

	@Override
	List<String> labs() {
		return List.of(LAB, LAB);
	}

	@Override
	String stackName() {
		return "lab-contracts-stack";
	}

	/**
	 * Each run of BadOrder.java compiles it first: on two busy cores that takes a while.
	 */
	@Override
	long blockTimeoutSeconds() {
		return 180;
	}

}
