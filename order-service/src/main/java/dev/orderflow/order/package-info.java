/**
 * Orders: the {@link dev.orderflow.order.Order} aggregate, its repository and the use
 * cases that place, cancel and settle orders as the saga's inventory answers arrive.
 */
package dev.orderflow.order;
