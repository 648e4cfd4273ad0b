/**
 * The Kafka side: listeners on the {@code orders} and {@code inventory} topics that turn
 * each saga event into one call of the notification service and announce it to the live
 * stream.
 */
package dev.orderflow.notification.saga;
