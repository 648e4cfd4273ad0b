/**
 * Which consumer failures are transient (a dependency is away: the schema registry, the
 * database, the SMTP server, the broker) and are waited out, and which are the record's
 * own and go to its dead-letter topic. ADR 0009.
 */
package dev.orderflow.eventing.retry;
