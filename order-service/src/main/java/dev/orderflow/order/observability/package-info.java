/**
 * What order-service tells operators: saga counters and the saga duration histogram
 * ({@link dev.orderflow.order.observability.OrderMetrics}), and the orderId of each
 * request in the logging context.
 */
package dev.orderflow.order.observability;
