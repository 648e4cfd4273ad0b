/**
 * The web console's server side: a same-origin proxy to order-service and
 * inventory-service, so the page at {@code /} (plain HTML, CSS and JavaScript under
 * {@code static/}) never calls another origin.
 */
package dev.orderflow.notification.console;
