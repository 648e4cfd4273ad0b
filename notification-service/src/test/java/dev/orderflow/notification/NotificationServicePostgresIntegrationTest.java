package dev.orderflow.notification;

import dev.orderflow.eventing.postgres.EmbeddedPostgresDatabase;

/**
 * Every test of {@link NotificationServiceIntegrationTest} on a real PostgreSQL server,
 * with the same Flyway migrations: notifications recorded once per event and listed per
 * order.
 */
@EmbeddedPostgresDatabase
class NotificationServicePostgresIntegrationTest extends NotificationServiceIntegrationTest {

}
