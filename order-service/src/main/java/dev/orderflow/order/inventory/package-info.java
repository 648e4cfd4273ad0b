/**
 * The order's side of the saga: inventory's answers on the {@code inventory} topic, each
 * turned into one call on the order use cases, at most once per event id.
 */
package dev.orderflow.order.inventory;
