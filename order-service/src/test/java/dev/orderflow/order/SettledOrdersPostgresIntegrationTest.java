package dev.orderflow.order;

import dev.orderflow.eventing.retention.SettledRecordsDatabase;

/**
 * Every test of {@link SettledOrdersIntegrationTest} on a real PostgreSQL server, where
 * the purge's FETCH FIRST, IN lists and FOR UPDATE must select and delete exactly what
 * they do on H2.
 */
class SettledOrdersPostgresIntegrationTest extends SettledOrdersIntegrationTest {

	@Override
	protected SettledRecordsDatabase newDatabase() {
		return SettledRecordsDatabase.postgres();
	}

}
