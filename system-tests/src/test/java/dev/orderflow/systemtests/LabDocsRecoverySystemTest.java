package dev.orderflow.systemtests;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;

/**
 * Lab 05 kills services and starts them again with {@code ./orderflow up -d}, so it gets a stack
 * of its own: the other labs never see a half-restarted one.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class LabDocsRecoverySystemTest extends LabDocs {

	@Override
	List<String> labs() {
		return List.of("05-outbox-recovery.md");
	}

	@Override
	String stackName() {
		return "lab-recovery-stack";
	}

	/** Step 4 starts two services and waits for them: on two busy cores that takes a while. */
	@Override
	long blockTimeoutSeconds() {
		return 180;
	}

}
