/**
 * inventory-service: stock per SKU and the reservations that hold it for orders. A saga
 * participant that reacts to order events and answers on the {@code inventory} topic.
 */
package dev.orderflow.inventory;
