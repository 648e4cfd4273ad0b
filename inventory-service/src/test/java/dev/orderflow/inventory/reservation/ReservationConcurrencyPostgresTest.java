package dev.orderflow.inventory.reservation;

import dev.orderflow.eventing.postgres.EmbeddedPostgresDatabase;

/**
 * {@link ReservationConcurrencyTest} on a real PostgreSQL server, whose
 * {@code SELECT ... FOR UPDATE} row locks and deadlock detector differ from H2's: still
 * exactly as many reservations as units, and no deadlock.
 */
@EmbeddedPostgresDatabase
class ReservationConcurrencyPostgresTest extends ReservationConcurrencyTest {

}
