/**
 * The benchmark: drives the running local stack with orders (the saga) and, on the same
 * broker, a raw three-hop Kafka relay as the baseline; reports latency percentiles,
 * throughput and the saga/raw ratios as JSON, Markdown and an HTML plot.
 */
package dev.orderflow.bench;
