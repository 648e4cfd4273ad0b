package dev.orderflow.notification;

/**
 * The order outcomes a customer is told about. Placing an order is not one of them: the
 * customer just did it and learns the outcome moments later.
 */
public enum NotificationType {

	ORDER_CONFIRMED, ORDER_REJECTED, ORDER_CANCELLED

}
