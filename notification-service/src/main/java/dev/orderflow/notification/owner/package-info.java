/**
 * Which customer each order belongs to, so that a customer sees only their own
 * notifications and live events.
 */
package dev.orderflow.notification.owner;
