package dev.orderflow.inventory.reservation;

/**
 * One line held for an order: a quantity of one SKU.
 */
public record ReservationLine(String sku, int quantity) {
}
