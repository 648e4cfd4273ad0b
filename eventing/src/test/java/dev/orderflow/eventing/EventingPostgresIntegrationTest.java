package dev.orderflow.eventing;

import dev.orderflow.eventing.postgres.EmbeddedPostgresDatabase;

/**
 * Every test of {@link EventingIntegrationTest} on a real PostgreSQL server: the outbox's
 * identity column, its {@code BYTEA} payload and {@code FETCH FIRST} paging, and the
 * inbox's primary key must behave there as they do on H2.
 */
@EmbeddedPostgresDatabase
class EventingPostgresIntegrationTest extends EventingIntegrationTest {

}
