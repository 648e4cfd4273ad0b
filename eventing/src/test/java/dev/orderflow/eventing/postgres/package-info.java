/**
 * A real PostgreSQL server for tests, from Maven Central binaries, that also starts when
 * the build runs as root (through dev-stack's {@code postgres} package, which
 * {@code ./orderflow up
 * --postgres} uses too). Shipped in eventing's test jar so that every service's tests use
 * it.
 */
package dev.orderflow.eventing.postgres;
