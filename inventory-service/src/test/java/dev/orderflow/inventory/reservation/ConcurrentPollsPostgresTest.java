package dev.orderflow.inventory.reservation;

import dev.orderflow.eventing.postgres.EmbeddedPostgresDatabase;

/**
 * {@link ConcurrentPollsTest} on a real PostgreSQL server, whose deadlock detector breaks
 * a cycle of row locks within a second by failing one of the transactions: still no
 * failed poll, every order answered once, and stock conserved.
 */
@EmbeddedPostgresDatabase
class ConcurrentPollsPostgresTest extends ConcurrentPollsTest {

}
