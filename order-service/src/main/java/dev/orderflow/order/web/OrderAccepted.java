package dev.orderflow.order.web;

import java.util.UUID;

import dev.orderflow.order.OrderStatus;

/**
 * Answer to {@code POST /api/orders}: the order's id and status.
 */
record OrderAccepted(UUID orderId, OrderStatus status) {
}
