/**
 * Reservations: the stock held for each order, all lines or none, and its release on
 * cancel. {@link dev.orderflow.inventory.reservation.OrderEventsListener} turns order
 * events into these domain calls.
 */
package dev.orderflow.inventory.reservation;
