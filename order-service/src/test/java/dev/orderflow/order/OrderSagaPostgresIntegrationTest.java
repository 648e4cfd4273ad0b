package dev.orderflow.order;

import dev.orderflow.eventing.postgres.EmbeddedPostgresDatabase;

/**
 * Every test of {@link OrderSagaIntegrationTest} on a real PostgreSQL server, with the
 * same Flyway migrations: place, get, list and cancel orders, idempotency keys, the
 * outbox and the inbox.
 */
@EmbeddedPostgresDatabase
class OrderSagaPostgresIntegrationTest extends OrderSagaIntegrationTest {

}
