/**
 * The orders HTTP API: {@code /api/orders}, its request and response bodies and the RFC
 * 9457 problem details it answers bad requests with.
 */
package dev.orderflow.order.web;
