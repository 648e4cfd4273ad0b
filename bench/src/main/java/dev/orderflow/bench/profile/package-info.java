/**
 * Where the CPU goes: reads the JFR recordings of {@code ./orderflow up --jfr DIR}, keeps
 * the samples of the bench's measured window, sorts them by what their hot frame is
 * (Avro, SQL, SMTP, logging, ...) and draws a flame graph (docs/performance.md).
 */
package dev.orderflow.bench.profile;
