/**
 * Switches that drop a guarantee, for the benchmark's {@code --breakdown} only (ADR
 * 0020): {@link dev.orderflow.eventing.bench.BenchSwitches} refuses them unless the stack
 * says it is a benchmark, {@link dev.orderflow.eventing.bench.DirectSendOutbox} and
 * {@link dev.orderflow.eventing.bench.InboxOff} stand in for the outbox and the inbox.
 */
package dev.orderflow.eventing.bench;
