package dev.orderflow.systemtests;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;

/**
 * Lab 09 registers a new version of OrderPlaced with a stricter rule, which every
 * producer using the latest version then enforces, and fills orders.DLT: it gets a stack
 * of its own, so the other labs' expectations (lab 02's dead-letter counts, lab 03's
 * versions) stay theirs.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class LabDataContractsSystemTest extends LabDocs {

	@Override
	List<String> labs() {
		return List.of("09-data-contracts.md");
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
