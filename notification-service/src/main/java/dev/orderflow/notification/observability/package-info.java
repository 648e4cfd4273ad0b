/**
 * What notification-service tells operators: notifications sent and failed
 * ({@link dev.orderflow.notification.observability.NotificationMetrics}).
 */
package dev.orderflow.notification.observability;
