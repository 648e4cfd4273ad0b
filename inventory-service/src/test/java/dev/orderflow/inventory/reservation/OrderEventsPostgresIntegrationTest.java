package dev.orderflow.inventory.reservation;

import dev.orderflow.eventing.postgres.EmbeddedPostgresDatabase;

/**
 * Every test of {@link OrderEventsIntegrationTest} on a real PostgreSQL server: reserve,
 * reject and release through the listener, the inbox and the outbox, with the same Flyway
 * migrations.
 */
@EmbeddedPostgresDatabase
class OrderEventsPostgresIntegrationTest extends OrderEventsIntegrationTest {

}
