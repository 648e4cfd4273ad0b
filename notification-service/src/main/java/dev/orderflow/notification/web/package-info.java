/**
 * The HTTP side: the notifications API and the live stream of notifications and saga
 * events (server-sent events) that browsers subscribe to.
 */
package dev.orderflow.notification.web;
