/**
 * Customer notifications: one record (and one e-mail) per order outcome, recorded exactly
 * once per event thanks to the inbox of processed events.
 */
package dev.orderflow.notification;
