package dev.orderflow.notification;

import dev.orderflow.eventing.retention.SettledRecordsDatabase;

/**
 * Every test of {@link SettledNotificationsIntegrationTest} on a real PostgreSQL server,
 * where the purge's FETCH FIRST, and IN lists must select and delete exactly what they do
 * on H2.
 */
class SettledNotificationsPostgresIntegrationTest extends SettledNotificationsIntegrationTest {

	@Override
	protected SettledRecordsDatabase newDatabase() {
		return SettledRecordsDatabase.postgres();
	}

}
