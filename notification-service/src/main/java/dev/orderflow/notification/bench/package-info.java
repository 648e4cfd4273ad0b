/**
 * notification-service's switch for the benchmark's {@code --breakdown} (ADR 0020):
 * {@link dev.orderflow.notification.bench.EmailOffMailer}, fenced by
 * {@link dev.orderflow.eventing.bench.BenchSwitches} as the eventing module's switches
 * are.
 */
package dev.orderflow.notification.bench;
