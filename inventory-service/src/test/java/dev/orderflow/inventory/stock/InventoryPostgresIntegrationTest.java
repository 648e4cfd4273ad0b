package dev.orderflow.inventory.stock;

import dev.orderflow.eventing.postgres.EmbeddedPostgresDatabase;

/**
 * Every test of {@link InventoryIntegrationTest} (seeding, restocking) on a real
 * PostgreSQL server.
 */
@EmbeddedPostgresDatabase
class InventoryPostgresIntegrationTest extends InventoryIntegrationTest {

}
