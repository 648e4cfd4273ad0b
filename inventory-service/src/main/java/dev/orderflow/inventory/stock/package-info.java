/**
 * Stock per SKU: how many units are available and how many are reserved for orders.
 * {@link dev.orderflow.inventory.stock.Stock} guards the invariants; {@code web/} is its
 * HTTP side.
 */
package dev.orderflow.inventory.stock;
