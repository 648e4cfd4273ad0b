package dev.orderflow.eventing.outbox;

import dev.orderflow.eventing.postgres.EmbeddedPostgresDatabase;

/**
 * Every test of {@link OutboxRelayIntegrationTest} on a real PostgreSQL server, where the
 * relay lock's {@code FOR UPDATE SKIP LOCKED} and the set-aside move must behave as on
 * H2.
 */
@EmbeddedPostgresDatabase
class OutboxRelayPostgresIntegrationTest extends OutboxRelayIntegrationTest {

}
