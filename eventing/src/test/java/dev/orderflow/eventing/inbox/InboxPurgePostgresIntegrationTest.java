package dev.orderflow.eventing.inbox;

import dev.orderflow.eventing.postgres.EmbeddedPostgresDatabase;

/**
 * Every test of {@link InboxPurgeIntegrationTest} on a real PostgreSQL server, where a
 * purge batch (FETCH FIRST for the oldest keys, then a DELETE by primary key, since H2
 * and PostgreSQL differ on DELETE ... LIMIT) must delete exactly what it does on H2.
 */
@EmbeddedPostgresDatabase
class InboxPurgePostgresIntegrationTest extends InboxPurgeIntegrationTest {

}
