/**
 * What inventory-service tells operators: stock available and reserved per SKU, with
 * bounded cardinality ({@link dev.orderflow.inventory.observability.StockMetrics}).
 */
package dev.orderflow.inventory.observability;
