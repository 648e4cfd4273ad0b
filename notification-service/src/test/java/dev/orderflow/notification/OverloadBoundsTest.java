package dev.orderflow.notification;

import org.junit.jupiter.api.Test;

import dev.orderflow.eventing.overloadbounds.OverloadBounds;

/**
 * notification-service keeps at most 512 connections open and answers a request that
 * waited 2 s for a database connection with 503 and Retry-After; k8s can change both by
 * environment.
 */
class OverloadBoundsTest {

	@Test
	void capsConnectionsAndTheWaitForTheDatabaseByDefaultAndByEnvironment() {
		OverloadBounds.assertBoundedAndOverridable();
	}

}
